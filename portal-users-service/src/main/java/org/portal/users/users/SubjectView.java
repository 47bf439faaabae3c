package org.portal.users.users;

import java.util.UUID;

/** What other services need to know about the person behind a token subject. */
public record SubjectView(UUID userId, String subject, UUID accountId, UserStatus status, AccessScope accessScope,
        boolean accountAdmin) {

    public static SubjectView from(PortalUser user) {
        return new SubjectView(user.id, user.subject, user.accountId, user.status, user.accessScope, user.accountAdmin);
    }
}
