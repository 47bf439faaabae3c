package org.portal.licensing.seats;

import java.time.Instant;
import java.util.UUID;

/** A budget with how many of its seats are given ({@code used} may exceed {@code seats} after a cut). */
public record SeatBudgetView(UUID accountId, String edition, int seats, long used, Instant updatedAt, String updatedBy) {
}
