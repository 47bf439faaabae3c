package org.portal.licensing.usage;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.UUID;

/** A user's count of calls on one day. */
public record UsageCount(@NotNull UUID userId, @NotNull LocalDate day, @Min(0) int calls) {
}
