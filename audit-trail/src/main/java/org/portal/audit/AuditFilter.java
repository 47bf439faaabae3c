package org.portal.audit;

import java.time.Instant;
import java.util.UUID;

/**
 * Which entries to read: each criterion given narrows the result (actor by subject or sign-in name,
 * target by id); {@code before} is a page cursor, read entries strictly older than it.
 */
public record AuditFilter(String actor, String action, String targetType, String targetId, UUID accountId, Instant from,
        Instant to, AuditCursor before) {

    public AuditFilter withBefore(AuditCursor cursor) {
        return new AuditFilter(actor, action, targetType, targetId, accountId, from, to, cursor);
    }
}
