package org.portal.licensing.seats;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;

public record SeatRequest(@NotNull UUID userId) {
}
