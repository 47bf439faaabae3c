package org.portal.sections.access;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** portal-users-service's answer for a token subject. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SubjectView(UUID userId, UUID accountId, String status, String accessScope, boolean accountAdmin,
        String language) {
}
