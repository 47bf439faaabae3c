package org.portal.sections.approvals;

import java.time.Instant;
import java.util.UUID;

/** One approver's part: {@code decision} is null until they decide. */
public record ApprovalView(UUID id, UUID approverUserId, ApprovalDecision decision, String comment, Instant decidedAt) {

    static ApprovalView from(Approval a) {
        return new ApprovalView(a.id, a.approverUserId, a.decision, a.comment, a.decidedAt);
    }
}
