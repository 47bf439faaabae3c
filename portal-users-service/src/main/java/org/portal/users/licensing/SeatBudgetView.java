package org.portal.users.licensing;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;

/** An account's budget of an edition's seats, as licensing-service keeps it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SeatBudgetView(UUID accountId, String edition, int seats, long used, Instant updatedAt, String updatedBy) {
}
