package org.portal.licensing.seats;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.portal.events.ChangeEvent;
import org.portal.licensing.catalogue.Catalogue;
import org.portal.licensing.catalogue.Edition;
import org.portal.licensing.ledger.LedgerAction;
import org.portal.licensing.ledger.SeatLedger;
import org.portal.licensing.licenses.License;
import org.portal.licensing.licenses.SeatRebalancing;
import org.portal.problem.Conflict;
import org.portal.problem.NotFound;

import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class SeatService implements SeatRebalancing {

    private static final Sort OLDEST_FIRST = Sort.by("assignedAt").and("userId");

    private final Clock clock;
    private final SeatLedger ledger;
    private final Catalogue catalogue;
    private final Event<ChangeEvent> changes;
    private final SeatBudgets budgets;
    private final FreeUsers freeUsers;

    public SeatService(Clock clock, SeatLedger ledger, Catalogue catalogue, Event<ChangeEvent> changes,
            SeatBudgets budgets, FreeUsers freeUsers) {
        this.freeUsers = freeUsers;
        this.budgets = budgets;
        this.clock = clock;
        this.ledger = ledger;
        this.catalogue = catalogue;
        this.changes = changes;
    }

    public record Assigned(Seat seat, boolean created) {
    }

    /**
     * Gives a seat of the license to a user. The license row is locked for the count and the insert, so
     * concurrent assignments queue up and never give more seats than the license has.
     */
    @Transactional
    public Assigned assign(String licenseId, UUID userId, String actor) {
        return assign(licenseId, userId, actor, null);
    }

    private Assigned assign(String licenseId, UUID userId, String actor, UUID budgetAccount) {
        License license = locked(licenseId);
        Seat held = Seat.findById(userId);
        if (held != null) {
            if (held.licenseId.equals(licenseId)) {
                return new Assigned(held, false);
            }
            throw new Conflict("User " + userId + " already holds a seat of license " + held.licenseId
                    + "; take it back first");
        }
        long taken = Seat.count("licenseId", licenseId);
        if (taken >= license.seats) {
            throw new Conflict("All " + license.seats + " seats of license " + licenseId + " are taken"
                    + (taken > license.seats ? " (" + (taken - license.seats) + " more are held over the limit)" : ""));
        }
        freeUsers.requireRoom(catalogue.edition(license.editionCode).orElseThrow());
        Seat seat = new Seat();
        seat.userId = userId;
        seat.licenseId = licenseId;
        seat.assignedAt = Instant.now(clock);
        seat.assignedBy = actor;
        seat.budgetAccountId = budgetAccount;
        seat.persist();
        ledger.record(LedgerAction.SEAT_ASSIGNED, licenseId, userId, actor,
                budgetAccount == null ? "seat given" : "seat given from the budget of account " + budgetAccount);
        changes.fire(ChangeEvent.seatChanged(userId, licenseId));
        return new Assigned(seat, true);
    }

    /**
     * Gives a seat of the first valid license of the edition that has one free, the longest-running
     * license first; out of the account's budget when one is named (an account administrator gives it).
     */
    @Transactional
    public Assigned assignFromEdition(String edition, UUID userId, String actor, UUID budgetAccount) {
        Seat already = Seat.findById(userId);
        if (budgetAccount != null && (already == null || !heldOf(already, edition))) {
            budgets.reserve(budgetAccount, edition);
        }
        LocalDate today = LocalDate.now(clock);
        List<License> licenses = License.list(
                "editionCode = ?1 and validFrom <= ?2 and (validUntil is null or validUntil >= ?2)",
                Sort.by("validUntil", Sort.Direction.Descending, Sort.NullPrecedence.NULLS_FIRST).and("id"), edition, today);
        for (License license : licenses) {
            License locked = locked(license.id);
            Seat held = Seat.findById(userId);
            if (held != null && held.licenseId.equals(locked.id)) {
                return new Assigned(held, false);
            }
            if (Seat.count("licenseId", locked.id) < locked.seats) {
                return assign(locked.id, userId, actor, budgetAccount);
            }
        }
        throw new Conflict("No valid license of the " + edition + " edition has a free seat");
    }

    /** Takes a seat back; a seat held over the limit may then come within it. */
    @Transactional
    public void revoke(String licenseId, UUID userId, String actor) {
        License license = locked(licenseId);
        Seat seat = Seat.findById(userId);
        if (seat == null || !seat.licenseId.equals(licenseId)) {
            throw new NotFound("User " + userId + " holds no seat of license " + licenseId);
        }
        seat.delete();
        ledger.record(LedgerAction.SEAT_REVOKED, licenseId, userId, actor, "seat taken back");
        changes.fire(ChangeEvent.seatChanged(userId, licenseId));
        rebalance(license, actor);
    }

    /**
     * Takes back the seat the user holds, whatever its license; when an account is named, only a seat
     * given out of that account's budget, which then has one more to give.
     */
    @Transactional
    public void revokeHeld(UUID userId, UUID budgetAccount, String actor) {
        Seat seat = Seat.findById(userId);
        if (seat == null || (budgetAccount != null && !budgetAccount.equals(seat.budgetAccountId))) {
            throw new NotFound(
                    "User " + userId + " holds no seat" + (budgetAccount == null ? "" : " given from the account's budget"));
        }
        revoke(seat.licenseId, userId, actor);
    }

    private static boolean heldOf(Seat seat, String edition) {
        return License.<License> findByIdOptional(seat.licenseId).map(license -> license.editionCode.equals(edition))
                .orElse(false);
    }

    /** Marks seats over the limit newest first, so a license with fewer seats than are given never locks everyone out. */
    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public List<UUID> rebalance(License license, String actor) {
        List<Seat> seats = Seat.list("licenseId", OLDEST_FIRST, license.id);
        List<UUID> over = new ArrayList<>();
        for (int i = 0; i < seats.size(); i++) {
            Seat seat = seats.get(i);
            boolean beyond = i >= license.seats;
            if (beyond) {
                over.add(seat.userId);
            }
            if (seat.overLimit != beyond) {
                seat.overLimit = beyond;
                ledger.record(beyond ? LedgerAction.SEAT_OVER_LIMIT : LedgerAction.SEAT_WITHIN_LIMIT, license.id,
                        seat.userId, actor, beyond ? "license now allows " + license.seats + " seats"
                                : "a seat within the license's " + license.seats + " became free");
                changes.fire(ChangeEvent.seatChanged(seat.userId, license.id));
            }
        }
        return over;
    }

    /** Every license's end and how many of its seats are given (over-limit seats included). */
    @Transactional
    public List<LicenseStanding> standing() {
        Map<String, Long> given = Seat.getEntityManager()
                .createQuery("select s.licenseId, count(s) from Seat s group by s.licenseId", Object[].class).getResultList()
                .stream().collect(Collectors.toMap(row -> (String) row[0], row -> (Long) row[1]));
        return License.<License> listAll(Sort.by("id")).stream().map(license -> new LicenseStanding(license.id,
                license.editionCode, license.validUntil, license.seats, given.getOrDefault(license.id, 0L))).toList();
    }

    @Transactional
    public SeatPage page(String licenseId, int offset, int limit) {
        License license = existing(licenseId);
        var query = Seat.<Seat> find("licenseId", OLDEST_FIRST, licenseId);
        List<SeatView> items = query.range(offset, offset + limit - 1).list().stream().map(SeatView::from).toList();
        return new SeatPage(items, offset, limit, query.count(), license.seats,
                Seat.count("licenseId = ?1 and overLimit = true", licenseId));
    }

    @Transactional
    public SeatCheck check(String licenseId, int requested) {
        License license = existing(licenseId);
        Edition edition = catalogue.edition(license.editionCode).orElseThrow();
        long taken = Seat.count("licenseId", licenseId);
        long free = Math.max(0, license.seats - taken);
        Optional<Integer> cap = freeUsers.cap(edition);
        Long installationFree = cap.map(c -> Math.max(0, c - freeUsers.given(edition))).orElse(null);
        if (installationFree != null) {
            free = Math.min(free, installationFree);
        }
        return new SeatCheck(requested, requested <= free, free, taken, license.seats, license.seatsInFile,
                edition.seatAllowance(license.seatsInFile, license.productUsers).bindingLimit(), installationFree);
    }

    private static License locked(String licenseId) {
        License license = License.findById(licenseId, LockModeType.PESSIMISTIC_WRITE);
        if (license == null) {
            throw new NotFound("No license " + licenseId);
        }
        return license;
    }

    private static License existing(String licenseId) {
        return License.<License> findByIdOptional(licenseId).orElseThrow(() -> new NotFound("No license " + licenseId));
    }
}
