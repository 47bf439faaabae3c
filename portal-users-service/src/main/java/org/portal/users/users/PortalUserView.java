package org.portal.users.users;

import java.time.Instant;
import java.util.UUID;

public record PortalUserView(UUID id, String subject, String email, String displayName, UUID accountId,
        UserStatus status, AccessScope accessScope, boolean accountAdmin, boolean blockedByStaff, Instant createdAt) {

    public static PortalUserView from(PortalUser user) {
        return new PortalUserView(user.id, user.subject, user.email, user.displayName, user.accountId, user.status,
                user.accessScope, user.accountAdmin, user.blockedByStaff, user.createdAt);
    }
}
