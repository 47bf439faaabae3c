package org.portal.users.registrations;

import java.util.UUID;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.portal.users.users.AccessScope;

/**
 * An approval: the account (required when the registration matched none), the access scope, and
 * optionally the edition whose seat the new user gets. A rejection only uses {@code note}.
 */
public record Decision(UUID accountId, AccessScope accessScope,
        @Pattern(regexp = "self-service|customer|partner") @Size(max = 64) String edition, @Size(max = 2000) String note) {
}
