package org.portal.sections.lifecycles;

import org.portal.sections.access.Viewer;
import org.portal.sections.definitions.Section;
import org.portal.sections.records.RecordEntity;

/**
 * A record took a transition at a caller's request (fired inside its transaction), for features
 * above the lifecycles that act on a state change, such as telling a case's contact it is resolved.
 */
public record RecordMoved(Section section, RecordEntity record, String from, String to, Viewer by) {
}
