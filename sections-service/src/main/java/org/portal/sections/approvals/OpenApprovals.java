package org.portal.sections.approvals;

import java.util.List;

/** The first of the caller's open approvals, oldest first, and how many are open in all. */
public record OpenApprovals(List<OpenApproval> items, long open) {
}
