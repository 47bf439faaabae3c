package org.portal.licensing.seats;

import java.time.Instant;
import java.util.UUID;

public record SeatView(UUID userId, String licenseId, Instant assignedAt, String assignedBy, boolean overLimit) {

    public static SeatView from(Seat seat) {
        return new SeatView(seat.userId, seat.licenseId, seat.assignedAt, seat.assignedBy, seat.overLimit);
    }
}
