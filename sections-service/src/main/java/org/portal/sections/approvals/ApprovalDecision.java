package org.portal.sections.approvals;

/** What an approver decided; stored and sent by these names. */
public enum ApprovalDecision {
    approve,
    reject
}
