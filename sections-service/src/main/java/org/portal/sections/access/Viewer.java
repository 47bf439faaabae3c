package org.portal.sections.access;

import java.util.Map;
import java.util.Set;
import java.util.UUID;

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

    /** The reach rule: whether a record is within this viewer's reach. {@link #reachCondition} is its SQL form. */
    public boolean reaches(UUID recordAccountId, UUID ownerUserId, UUID contactUserId) {
        return staff || (recordAccountId.equals(accountId)
                && (!ownScope || userId.equals(ownerUserId) || userId.equals(contactUserId)));
    }

    /**
     * The reach rule as a condition on the records table aliased {@code r}, for queries that select
     * many records; its parameters are added to {@code parameters}. ReachRuleTest holds it to
     * {@link #reaches}.
     */
    public String reachCondition(Map<String, Object> parameters) {
        if (staff) {
            return "true";
        }
        parameters.put("reachAccount", accountId);
        if (!ownScope) {
            return "r.account_id = :reachAccount";
        }
        parameters.put("reachUser", userId);
        return "r.account_id = :reachAccount and (r.owner_user_id = :reachUser or r.contact_user_id = :reachUser)";
    }
}
