package org.portal.users.access;

import java.util.UUID;

import org.portal.problem.NotFound;

/**
 * Who is managing users: a portal administrator (every account), or an account administrator (a
 * portal user flagged so, for their own account only).
 */
public record Caller(String subject, UUID accountId) {

    public static Caller administrator(String subject) {
        return new Caller(subject, null);
    }

    public boolean isPortalAdmin() {
        return accountId == null;
    }

    /** Whether this caller may see and manage what belongs to the account. */
    public boolean manages(UUID account) {
        return isPortalAdmin() || accountId.equals(account);
    }

    /** Refuses an account administrator what only portal administrators may do. */
    public void requirePortalAdmin(String what) {
        if (!isPortalAdmin()) {
            throw StaffOnly.refused(what);
        }
    }

    /**
     * Refuses what belongs to another account as not found, so that an account administrator cannot
     * learn that another account's users or registrations exist.
     */
    public void requireManages(UUID account, String what) {
        if (!manages(account)) {
            throw new NotFound("No " + what);
        }
    }
}
