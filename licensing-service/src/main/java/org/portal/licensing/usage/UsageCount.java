package org.portal.licensing.usage;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** A user's count of calls on one day. */
public record UsageCount(@NotNull UUID userId, @NotNull LocalDate day, @Min(0) int calls) {
}
