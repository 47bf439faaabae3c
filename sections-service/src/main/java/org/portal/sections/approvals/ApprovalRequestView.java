package org.portal.sections.approvals;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A request and where each approver stands: {@code state} is pending, approved or rejected. */
public record ApprovalRequestView(UUID id, UUID recordId, String section, ApprovalRequest.State state, String requestedBy,
        String message,
        Instant createdAt, Instant completedAt, List<ApprovalView> approvals) {

    static ApprovalRequestView from(ApprovalRequest r, List<Approval> approvals) {
        return new ApprovalRequestView(r.id, r.recordId, r.sectionCode, r.state, r.requestedBy, r.message, r.createdAt,
                r.completedAt, approvals.stream().map(ApprovalView::from).toList());
    }
}
