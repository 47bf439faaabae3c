package org.portal.problem;

/**
 * Why an account administrator cannot give a seat. licensing-service decides; portal-users-service,
 * which the account administrator calls, answers with the same types.
 */
public final class SeatProblems {

    public static final ProblemType NO_SEAT_BUDGET = new ProblemType("no-seat-budget",
            "No seat budget of this edition", 403);
    public static final ProblemType SEAT_BUDGET_EXHAUSTED = new ProblemType("seat-budget-exhausted",
            "Seat budget exhausted", 409);

    private SeatProblems() {
    }
}
