package org.portal.users.licensing;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** An account's budget of an edition's seats, as licensing-service keeps it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SeatBudgetView(UUID accountId, String edition, int seats, long used, Instant updatedAt, String updatedBy) {
}
