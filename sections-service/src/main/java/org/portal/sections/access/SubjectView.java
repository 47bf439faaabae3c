package org.portal.sections.access;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.UUID;

/** portal-users-service's answer for a token subject. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SubjectView(UUID userId, UUID accountId, String status, String accessScope) {
}
