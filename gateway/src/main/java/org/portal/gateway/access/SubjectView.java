package org.portal.gateway.access;

import java.util.UUID;

/** portal-users-service's answer for a token subject. */
public record SubjectView(UUID userId, String subject, UUID accountId, String status, String accessScope) {
}
