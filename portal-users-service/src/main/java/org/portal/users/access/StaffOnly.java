package org.portal.users.access;

import java.util.Set;

import org.portal.problem.ProblemException;
import org.portal.problem.ProblemType;
import org.portal.tokens.Roles;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * What only portal staff may do, and the staff identities that are never portal users. An account
 * administrator who could link an identity by hand, or have a staff member made a portal user, could
 * then block it, which disables that identity at the provider: an agent or an administrator locked
 * out by a customer.
 */
public final class StaffOnly {

    public static final ProblemType STAFF_ONLY = new ProblemType("staff-only", "Only portal staff may do this", 403);
    public static final ProblemType STAFF_IDENTITY = new ProblemType("staff-identity",
            "Staff identities are not portal users", 403);

    /** The realm roles of portal staff. */
    public static final Set<String> STAFF_ROLES = Set.of(Roles.PORTAL_ADMIN, Roles.PORTAL_AGENT);

    private StaffOnly() {
    }

    public static ProblemException refused(String what) {
        return new ProblemException(STAFF_ONLY, "Only portal administrators may " + what);
    }

    public static ProblemException staffIdentity() {
        return new ProblemException(STAFF_IDENTITY,
                "This identity belongs to portal staff; staff use the portal with their staff roles, not as portal users");
    }

    /** Refuses staff who try to become portal users (registering, accepting an invitation). */
    public static void requireNotStaff(SecurityIdentity identity) {
        if (STAFF_ROLES.stream().anyMatch(identity::hasRole)) {
            throw staffIdentity();
        }
    }
}
