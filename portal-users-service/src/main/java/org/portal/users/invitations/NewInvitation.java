package org.portal.users.invitations;

import java.util.UUID;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.portal.users.users.AccessScope;

/** Whom to invite into which account; {@code edition}, if named, is the seat they get on accepting. */
public record NewInvitation(@NotBlank @Email @Size(max = 320) String email, @NotBlank @Size(max = 200) String displayName,
        @NotNull UUID accountId, AccessScope accessScope,
        @Pattern(regexp = "self-service|customer|partner") @Size(max = 64) String edition) {
}
