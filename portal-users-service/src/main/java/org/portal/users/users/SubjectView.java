package org.portal.users.users;

import java.util.UUID;

/**
 * What other services need to know about the person behind a token subject; {@code language} is their
 * preferred language (a BCP 47 tag, or null), which sections-service searches the knowledge base in.
 */
public record SubjectView(UUID userId, String subject, UUID accountId, UserStatus status, AccessScope accessScope,
        boolean accountAdmin, String language) {

    public static SubjectView from(PortalUser user) {
        return new SubjectView(user.id, user.subject, user.accountId, user.status, user.accessScope, user.accountAdmin,
                user.preferences == null ? null : user.preferences.language());
    }
}
