package org.portal.sections.access;

import java.util.Set;
import java.util.UUID;
import org.portal.sections.lifecycles.Actor;

/**
 * Who reads or writes records: staff (agents, administrators) reach every account; a portal user
 * reaches their own account's records, or with scope {@code own} only those they created or that
 * name them as contact. {@code actors} are the roles in which they may take lifecycle transitions.
 */
public record Viewer(String subject, boolean staff, UUID userId, UUID accountId, boolean ownScope, Set<Actor> actors) {

    public static Viewer staff(String subject, Set<Actor> actors) {
        return new Viewer(subject, true, null, null, false, Set.copyOf(actors));
    }

    public static Viewer portalUser(String subject, UUID userId, UUID accountId, boolean ownScope) {
        return new Viewer(subject, false, userId, accountId, ownScope, Set.of(Actor.PORTAL_USER));
    }

    /** A portal user as portal-users-service describes them (whose subject is not needed). */
    public static Viewer portalUser(SubjectView user) {
        return portalUser(null, user.userId(), user.accountId(), "own".equals(user.accessScope()));
    }

    /** The reach rule in Java (ListQuery holds its SQL form): whether a record is within this viewer's reach. */
    public boolean reaches(UUID recordAccountId, UUID ownerUserId, UUID contactUserId) {
        return staff || (recordAccountId.equals(accountId)
                && (!ownScope || userId.equals(ownerUserId) || userId.equals(contactUserId)));
    }
}
