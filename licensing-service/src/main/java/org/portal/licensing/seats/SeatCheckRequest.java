package org.portal.licensing.seats;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

public record SeatCheckRequest(@Min(1) @Max(1_000_000) int count) {
}
