package org.portal.users.licensing;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The edition whose seat a user is given. */
public record SeatChoice(@NotNull @Pattern(regexp = "[a-z0-9-]{1,64}") @Size(max = 64) String edition) {
}
