package org.portal.licensing.usage;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** An administrator's correction: the user's count for the day is set to {@code calls}. */
public record Adjustment(@NotNull UUID userId, @NotNull LocalDate day, @Min(0) int calls,
        @NotBlank @Size(max = 500) String reason, @NotBlank @Size(max = 255) String actor) {
}
