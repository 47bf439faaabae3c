package org.portal.problem;

/**
 * Why a portal user is turned away. The gateway refuses early and every service refuses again on
 * its own, so both answer with these same types: a caller cannot tell which of them said no.
 */
public final class AccessProblems {

    public static final ProblemType NOT_A_PORTAL_USER = new ProblemType("not-a-portal-user", "Not a portal user", 403);
    public static final ProblemType USER_NOT_ACTIVE = new ProblemType("user-not-active", "Portal user is not active", 403);
    public static final ProblemType NO_SEAT = new ProblemType("no-seat", "No portal seat", 403);
    public static final ProblemType SECTION_NOT_GRANTED = new ProblemType("section-not-granted",
            "Section operation not granted", 403);

    private AccessProblems() {
    }

    public static ProblemException notActive(Object status) {
        return new ProblemException(USER_NOT_ACTIVE, "Your portal account is " + status);
    }

    public static ProblemException noSeat() {
        return new ProblemException(NO_SEAT, "You hold no valid portal seat; ask your portal administrator for one");
    }

    public static ProblemException notGranted(String edition, String section, String operation) {
        return new ProblemException(SECTION_NOT_GRANTED, "The " + edition + " edition does not allow '" + operation
                + "' on section '" + section + "'", java.util.Map.of("section", section, "operation", operation));
    }
}
