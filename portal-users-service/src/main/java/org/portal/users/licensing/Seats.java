package org.portal.users.licensing;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.portal.problem.Conflict;
import org.portal.problem.NotFound;
import org.portal.problem.ProblemException;
import org.portal.problem.ProblemType;
import org.portal.problem.SeatProblems;
import org.portal.problem.ServiceUnavailable;
import org.portal.users.access.Caller;

import io.quarkus.logging.Log;

/**
 * Seats and entitlements, asked of licensing-service; its refusals become this service's problems.
 * An account administrator's seats come out of their account's budget, which licensing-service holds
 * exactly; a portal administrator's from any valid license.
 */
@ApplicationScoped
public class Seats {

    private static final Map<String, ProblemType> BUDGET_PROBLEMS = Map.of(
            SeatProblems.NO_SEAT_BUDGET.uri(), SeatProblems.NO_SEAT_BUDGET,
            SeatProblems.SEAT_BUDGET_EXHAUSTED.uri(), SeatProblems.SEAT_BUDGET_EXHAUSTED);

    private final LicensingCalls licensing;

    public Seats(LicensingCalls licensing) {
        this.licensing = licensing;
    }

    /** Gives the user a seat of a valid license of the edition on the giver's behalf; refused when none is free. */
    public void give(UUID userId, String edition, Caller giver) {
        try {
            licensing.giveSeat(new LicensingClient.SeatGrant(userId, edition, giver.subject(), budgetOf(giver)));
        } catch (LicensingRefusal refusal) {
            throw inOurWords(refusal, "No seat of the " + edition + " edition could be given: ");
        } catch (RuntimeException e) {
            throw unavailable(e);
        }
    }

    /**
     * Refuses early an account administrator who names an edition their account has no budget for, so
     * an invitation is not sent with a seat that can never be given.
     */
    public void requireBudget(Caller giver, String edition) {
        UUID account = budgetOf(giver);
        if (account != null
                && budgets(account).stream().noneMatch(budget -> budget.edition().equals(edition) && budget.seats() > 0)) {
            throw new ProblemException(SeatProblems.NO_SEAT_BUDGET,
                    "Your account has no budget of " + edition + " seats; ask your portal administrator for one");
        }
    }

    /** Takes the user's seat back; an account administrator only one given out of their account's budget. */
    public void takeBack(UUID userId, Caller taker) {
        try {
            licensing.takeBackSeat(userId, budgetOf(taker), taker.subject());
        } catch (LicensingRefusal refusal) {
            throw inOurWords(refusal, "");
        } catch (RuntimeException e) {
            throw unavailable(e);
        }
    }

    public List<SeatBudgetView> budgets(UUID accountId) {
        try {
            return licensing.budgets(accountId);
        } catch (RuntimeException e) {
            throw unavailable(e);
        }
    }

    /** The user's entitlement, or empty when they hold no valid seat. */
    public Optional<EntitlementView> entitlement(UUID userId) {
        try {
            return licensing.entitlement(userId);
        } catch (RuntimeException e) {
            throw unavailable(e);
        }
    }

    private static UUID budgetOf(Caller caller) {
        return caller.isPortalAdmin() ? null : caller.accountId();
    }

    /** licensing-service's refusal, in this service's words; the budget problems keep their types. */
    private static RuntimeException inOurWords(LicensingRefusal refusal, String prefix) {
        ProblemType budgetProblem = BUDGET_PROBLEMS.get(refusal.problemType());
        if (budgetProblem != null) {
            return new ProblemException(budgetProblem, refusal.detail());
        }
        return refusal.status() == 404 ? new NotFound(refusal.detail()) : new Conflict(prefix + refusal.detail());
    }

    private static ServiceUnavailable unavailable(RuntimeException e) {
        Log.warnf("licensing-service call failed: %s", e.toString());
        return new ServiceUnavailable("licensing", "Licensing service unavailable",
                "The licensing service did not answer; try again shortly");
    }
}
