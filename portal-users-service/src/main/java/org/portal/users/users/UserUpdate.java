package org.portal.users.users;

import java.util.UUID;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A partial change to a portal user: only the fields present change. */
public record UserUpdate(@Size(min = 1, max = 200) @Pattern(regexp = ".*\\S.*") String displayName, UserStatus status,
        AccessScope accessScope, UUID accountId, Boolean accountAdmin) {
}
