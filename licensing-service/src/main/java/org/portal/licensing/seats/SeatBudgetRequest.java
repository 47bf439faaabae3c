package org.portal.licensing.seats;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

public record SeatBudgetRequest(@NotNull @Min(0) @Max(1_000_000) Integer seats) {
}
