package org.portal.licensing.seats;

import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A seat of any valid license of an edition, for a user another service has just admitted or whom an
 * administrator gave one: {@code givenBy} is that person, for the ledger; {@code budgetAccountId} the
 * account whose budget the seat comes from when an account administrator gives it.
 */
public record EditionSeatRequest(@NotNull UUID userId, @NotBlank @Size(max = 64) String edition,
        @Size(max = 255) String givenBy, UUID budgetAccountId) {
}
