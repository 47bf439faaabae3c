package org.portal.licensing.seats;

import java.util.UUID;

import jakarta.validation.constraints.NotNull;

public record SeatRequest(@NotNull UUID userId) {
}
