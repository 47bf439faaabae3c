package org.portal.gateway.access;

import java.util.Map;

import org.portal.problem.AccessProblems;
import org.portal.problem.ProblemException;
import org.portal.problem.ProblemType;

/** Why the gateway turns a portal user's call away before it reaches a service. */
public class AccessRefused extends ProblemException {

    public static final ProblemType NOT_A_PORTAL_USER = AccessProblems.NOT_A_PORTAL_USER;
    public static final ProblemType USER_NOT_ACTIVE = AccessProblems.USER_NOT_ACTIVE;
    public static final ProblemType NO_SEAT = AccessProblems.NO_SEAT;
    public static final ProblemType SECTION_NOT_GRANTED = AccessProblems.SECTION_NOT_GRANTED;
    public static final ProblemType LOOKUP_UNAVAILABLE = new ProblemType("access-lookup-unavailable",
            "Access cannot be checked right now", 503);

    public AccessRefused(ProblemType type, String detail) {
        super(type, detail);
    }

    public AccessRefused(ProblemType type, String detail, Map<String, Object> extensions) {
        super(type, detail, extensions);
    }
}
