package org.portal.gateway.access;

import java.util.Map;
import org.portal.problem.ProblemException;
import org.portal.problem.ProblemType;

/** Why the gateway turns a portal user's call away before it reaches a service. */
public class AccessRefused extends ProblemException {

    public static final ProblemType NOT_A_PORTAL_USER = new ProblemType("not-a-portal-user", "Not a portal user", 403);
    public static final ProblemType USER_NOT_ACTIVE = new ProblemType("user-not-active", "Portal user is not active", 403);
    public static final ProblemType NO_SEAT = new ProblemType("no-seat", "No portal seat", 403);
    public static final ProblemType SECTION_NOT_GRANTED = new ProblemType("section-not-granted",
            "Section operation not granted", 403);
    public static final ProblemType LOOKUP_UNAVAILABLE = new ProblemType("access-lookup-unavailable",
            "Access cannot be checked right now", 503);

    public AccessRefused(ProblemType type, String detail) {
        super(type, detail);
    }

    public AccessRefused(ProblemType type, String detail, Map<String, Object> extensions) {
        super(type, detail, extensions);
    }
}
