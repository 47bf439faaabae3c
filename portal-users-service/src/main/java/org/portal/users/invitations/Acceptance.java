package org.portal.users.invitations;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The code the invited person received. */
public record Acceptance(@NotBlank @Size(max = 100) String code) {
}
