package org.portal.sections.reports;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A user's calls and refusals over the report's months; the account of their latest month. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TopUser(UUID userId, UUID accountId, long calls, long refused) {
}
