package org.portal.sections.approvals;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** An approver's decision; a rejection says why. */
public record DecisionRequest(@NotNull ApprovalDecision decision, @Size(max = 2000) String comment) {
}
