package org.portal.audit;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One recorded administrative action: who ({@code actor}, the identity provider's subject, and the
 * name they signed in with), when, what ({@code action}, a dotted code such as {@code user.blocked}),
 * on what (target type and id, and the portal account it belongs to, when it does), what changed
 * (only the fields that differ, before and after), the request that did it and the service that
 * recorded it.
 */
public record AuditEntry(UUID id, Instant at, String service, String actor, String actorName, String action,
        String targetType, String targetId, UUID accountId, JsonNode before, JsonNode after, String requestId) {
}
