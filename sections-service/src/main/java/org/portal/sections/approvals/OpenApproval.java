package org.portal.sections.approvals;

import java.time.Instant;
import java.util.UUID;

import org.portal.sections.records.RecordView;

/** An approval waiting for the caller's decision, with the record as it stands (locked while it waits). */
public record OpenApproval(UUID id, UUID requestId, String requestedBy, String message, Instant requestedAt,
        RecordView record) {
}
