package org.portal.users.users;

import java.util.UUID;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A portal user created by an administrator for a person who already has an identity at the OIDC
 * provider ({@code subject}); invitations and self-registration create users too.
 */
public record NewPortalUser(@NotBlank @Size(max = 255) String subject, @NotBlank @Email @Size(max = 320) String email,
        @NotBlank @Size(max = 200) String displayName, @NotNull UUID accountId, AccessScope accessScope,
        boolean accountAdmin) {
}
