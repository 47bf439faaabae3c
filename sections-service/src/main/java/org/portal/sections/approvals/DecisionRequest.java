package org.portal.sections.approvals;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An approver's decision; a rejection says why. */
public record DecisionRequest(@NotNull Decision decision, @Size(max = 2000) String comment) {

    @Schema(name = "ApprovalDecision")
    public enum Decision {
        approve,
        reject
    }
}
