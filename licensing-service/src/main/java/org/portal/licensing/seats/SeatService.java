package org.portal.licensing.seats;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.portal.licensing.licenses.License;
import org.portal.problem.Conflict;
import org.portal.problem.NotFound;

@ApplicationScoped
public class SeatService {

    private final Clock clock;

    public SeatService(Clock clock) {
        this.clock = clock;
    }

    /**
     * Gives a seat of the license to a user. The license row is locked for the count and the insert, so
     * concurrent assignments queue up and never give more seats than the license has.
     */
    @Transactional
    public Seat assign(String licenseId, UUID userId, String assignedBy) {
        License license = License.findById(licenseId, LockModeType.PESSIMISTIC_WRITE);
        if (license == null) {
            throw new NotFound("No license " + licenseId);
        }
        Seat held = Seat.findById(userId);
        if (held != null) {
            if (held.licenseId.equals(licenseId)) {
                return held;
            }
            throw new Conflict("User " + userId + " already holds a seat of license " + held.licenseId
                    + "; take it back first");
        }
        long taken = Seat.count("licenseId", licenseId);
        if (taken >= license.seats) {
            throw new Conflict("All " + license.seats + " seats of license " + licenseId + " are taken");
        }
        Seat seat = new Seat();
        seat.userId = userId;
        seat.licenseId = licenseId;
        seat.assignedAt = Instant.now(clock);
        seat.assignedBy = assignedBy;
        seat.persist();
        return seat;
    }
}
