package org.portal.licensing.seats;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/** A seat of any valid license of an edition, for a user another service has just admitted. */
public record EditionSeatRequest(@NotNull UUID userId, @NotBlank String edition) {
}
