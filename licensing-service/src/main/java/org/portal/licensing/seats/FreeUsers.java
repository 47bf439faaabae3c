package org.portal.licensing.seats;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.portal.licensing.catalogue.Edition;
import org.portal.licensing.licenses.License;
import org.portal.problem.Conflict;

import io.quarkus.panache.common.Sort;

/**
 * The installation's cap on a free edition's users (Self-service: at most 10,000 and at most 100
 * times the main product's users), across every license of that edition: two Self-service licenses
 * do not double it. The main product's users are as the most recently issued valid license of the
 * edition states them (of two issued in the same second, the one imported last). A license's own seats are capped the same way
 * at import
 * ({@link Edition#seatAllowance}); this holds the sum.
 */
@ApplicationScoped
public class FreeUsers {

    private final EntityManager em;
    private final Clock clock;

    public FreeUsers(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** How many users of the edition the installation may have; empty when the edition is not capped. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<Integer> cap(Edition edition) {
        if (edition.maxFreeUsers == null && edition.freeUsersPerProductUser == null) {
            return Optional.empty();
        }
        LocalDate today = LocalDate.now(clock);
        return License.<License> find("editionCode = ?1 and validFrom <= ?2 and (validUntil is null or validUntil >= ?2)",
                Sort.descending("issuedAt", "importedAt"), edition.code, today).firstResultOptional()
                .map(latest -> edition.seatAllowance(Integer.MAX_VALUE, latest.productUsers).seats());
    }

    /** Seats of the edition's licenses that are given, over all of them. */
    @Transactional(Transactional.TxType.MANDATORY)
    public long given(Edition edition) {
        return Seat.count("licenseId in (select l.id from License l where l.editionCode = ?1)", edition.code);
    }

    /**
     * Refuses a seat that would take the installation past the edition's cap. Seats of the edition are
     * given one at a time (a transaction-scoped lock on the edition), so concurrent seats on different
     * licenses cannot both take the last place.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void requireRoom(Edition edition) {
        Optional<Integer> cap = cap(edition);
        if (cap.isEmpty()) {
            return;
        }
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext(:key))").setParameter("key", "free-users:" + edition.code)
                .getSingleResult();
        long given = given(edition);
        if (given >= cap.get()) {
            throw new Conflict("This installation may have at most " + cap.get() + " " + edition.title
                    + " users over all its licenses of that edition (at most " + edition.maxFreeUsers + ", and "
                    + edition.freeUsersPerProductUser + " per user of the main product); all are given");
        }
    }
}
