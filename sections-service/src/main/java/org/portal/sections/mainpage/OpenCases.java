package org.portal.sections.mainpage;

import java.util.List;

import org.portal.sections.records.RecordView;

/** The caller's cases that still need work, most recently changed first, and how many there are. */
public record OpenCases(List<RecordView> items, long open) {
}
