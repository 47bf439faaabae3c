package org.portal.gateway.quota;

import java.time.Instant;

import org.portal.problem.ProblemType;

/** A portal user's daily allowance of calls on section data: its size, what is used, and when it resets. */
public record QuotaView(int limit, long used, long remaining, Instant resetsAt) {

    public static final ProblemType UNAVAILABLE = new ProblemType("quota-unavailable", "Calls cannot be counted right now",
            503);
    public static final ProblemType NOT_COUNTED = new ProblemType("not-counted", "Calls are not counted", 404);
}
