package org.portal.audit;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * One recorded administrative action: who ({@code actor}, the identity provider's subject, and the
 * name they signed in with), when, what ({@code action}, a dotted code such as {@code user.blocked}),
 * on what (target type and id, and the portal account it belongs to, when it does), what changed
 * (only the fields that differ, before and after; null where the target was created or removed), the request that did it and
 * the service that
 * recorded it.
 */
public record AuditEntry(UUID id, Instant at, String service, String actor, String actorName, String action,
        String targetType, String targetId, UUID accountId, Map<String, Object> before, Map<String, Object> after,
        String requestId) {
}
