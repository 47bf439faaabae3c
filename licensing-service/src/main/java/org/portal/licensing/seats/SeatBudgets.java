package org.portal.licensing.seats;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.portal.audit.AuditTrail;
import org.portal.licensing.catalogue.Catalogue;
import org.portal.problem.ProblemException;
import org.portal.problem.SeatProblems;
import org.portal.problem.Unprocessable;

import io.quarkus.hibernate.orm.panache.Panache;
import io.quarkus.panache.common.Sort;

/**
 * The seats a portal administrator sets aside per account and edition, and the one rule on them: an
 * account's administrators give seats out of their budget, never beyond it, never of an edition the
 * account has no budget for.
 */
@ApplicationScoped
public class SeatBudgets {

    private final Catalogue catalogue;
    private final Clock clock;

    private final AuditTrail audit;

    public SeatBudgets(Catalogue catalogue, Clock clock, AuditTrail audit) {
        this.audit = audit;
        this.catalogue = catalogue;
        this.clock = clock;
    }

    /** Sets the budget; one below the seats given from it stops new ones and takes none back. */
    @Transactional
    public SeatBudgetView set(UUID accountId, String edition, int seats, String actor) {
        if (catalogue.edition(edition).isEmpty()) {
            throw new Unprocessable("No edition " + edition);
        }
        Integer before = SeatBudget.<SeatBudget> list("key.accountId = ?1 and key.editionCode = ?2", accountId, edition)
                .stream().map(budget -> budget.seats).findFirst().orElse(null);
        // An upsert, so two administrators setting a new budget at once cannot clash on the key.
        Panache.getEntityManager().createNativeQuery("""
                INSERT INTO seat_budgets (account_id, edition_code, seats, updated_at, updated_by)
                VALUES (?1, ?2, ?3, ?4, ?5)
                ON CONFLICT (account_id, edition_code)
                DO UPDATE SET seats = excluded.seats, updated_at = excluded.updated_at, updated_by = excluded.updated_by""")
                .setParameter(1, accountId).setParameter(2, edition).setParameter(3, seats)
                .setParameter(4, Instant.now(clock)).setParameter(5, actor).executeUpdate();
        audit.recordOnBehalfOf(actor, "seat-budget.set", "seat-budget", accountId + "/" + edition, accountId,
                before == null ? null : Map.of("seats", before), Map.of("seats", seats));
        return list(accountId).stream().filter(budget -> budget.edition().equals(edition)).findFirst().orElseThrow();
    }

    @Transactional
    public List<SeatBudgetView> list(UUID accountId) {
        return SeatBudget.<SeatBudget> list("key.accountId", Sort.by("key.editionCode"), accountId).stream()
                .map(budget -> new SeatBudgetView(accountId, budget.key.editionCode(), budget.seats,
                        used(accountId, budget.key.editionCode()), budget.updatedAt, budget.updatedBy))
                .toList();
    }

    /**
     * Holds the account's budget of the edition until the caller's transaction ends, so that the seat
     * the caller then gives is counted against it by everyone after; refused when none is left.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void reserve(UUID accountId, String edition) {
        SeatBudget budget = SeatBudget.findById(new SeatBudget.Key(accountId, edition), LockModeType.PESSIMISTIC_WRITE);
        if (budget == null || budget.seats == 0) {
            throw new ProblemException(SeatProblems.NO_SEAT_BUDGET,
                    "Your account has no budget of " + edition + " seats; ask your portal administrator for one");
        }
        long used = used(accountId, edition);
        if (used >= budget.seats) {
            throw new ProblemException(SeatProblems.SEAT_BUDGET_EXHAUSTED, "All " + budget.seats + " " + edition
                    + " seats of your account's budget are given; take one back or ask your portal administrator for more");
        }
    }

    private static long used(UUID accountId, String edition) {
        return Panache.getEntityManager().createQuery("""
                select count(s) from Seat s, License l
                where l.id = s.licenseId and s.budgetAccountId = ?1 and l.editionCode = ?2""", Long.class)
                .setParameter(1, accountId).setParameter(2, edition).getSingleResult();
    }
}
