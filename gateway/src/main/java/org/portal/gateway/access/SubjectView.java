package org.portal.gateway.access;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** portal-users-service's answer for a token subject. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SubjectView(UUID userId, String subject, UUID accountId, String status, String accessScope) {
}
