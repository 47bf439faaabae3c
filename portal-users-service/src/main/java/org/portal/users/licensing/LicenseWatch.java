package org.portal.users.licensing;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.portal.users.notifications.StaffNoticeKind;
import org.portal.users.notifications.StaffNotices;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;

/**
 * Tells portal staff when a license is about to end (30, 7 and 1 days before, each once; a license
 * without an end never is) and when all
 * of a license's seats are given (once per license size: importing more seats starts a new watch).
 * licensing-service owns both facts; this watch asks it on a schedule and leaves a staff notice whose
 * id names the occasion, so replicas and repeated rounds tell staff once.
 */
@ApplicationScoped
public class LicenseWatch {

    /** Days before the end at which staff hear of it; the nearest one reached is the one told. */
    static final List<Integer> WARN_DAYS = List.of(1, 7, 30);

    private final LicensingCalls licensing;
    private final StaffNotices staffNotices;
    private final Clock clock;

    public LicenseWatch(LicensingCalls licensing, StaffNotices staffNotices, Clock clock) {
        this.licensing = licensing;
        this.staffNotices = staffNotices;
        this.clock = clock;
    }

    @Scheduled(every = "${portal.users.license-watch-every:1h}", delayed = "${portal.users.license-watch-delay:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void watch() {
        try {
            check(licensing.standing());
        } catch (RuntimeException e) {
            Log.warnf("The license watch could not ask licensing-service (%s); it asks again next round", e.toString());
        }
    }

    @Transactional
    void check(List<LicensingClient.LicenseStanding> licenses) {
        LocalDate today = LocalDate.now(clock);
        for (LicensingClient.LicenseStanding license : licenses) {
            boolean ended = license.validUntil() != null && license.validUntil().isBefore(today);
            if (license.validUntil() != null && !ended) {
                long daysLeft = ChronoUnit.DAYS.between(today, license.validUntil());
                WARN_DAYS.stream().filter(days -> daysLeft <= days).findFirst().ifPresent(days -> staffNotices.tell(
                        StaffNotices.idOf(StaffNoticeKind.LICENSE_EXPIRING, license.licenseId(), license.validUntil(), days),
                        StaffNoticeKind.LICENSE_EXPIRING,
                        Map.of("licenseId", license.licenseId(), "edition", license.edition(), "validUntil",
                                license.validUntil().toString(), "daysLeft", Long.toString(daysLeft))));
            }
            if (license.seats() > 0 && license.given() >= license.seats() && !ended) {
                staffNotices.tell(StaffNotices.idOf(StaffNoticeKind.SEATS_EXHAUSTED, license.licenseId(), license.seats()),
                        StaffNoticeKind.SEATS_EXHAUSTED, Map.of("licenseId", license.licenseId(), "edition", license.edition(),
                                "seats", Integer.toString(license.seats()), "given", Long.toString(license.given())));
            }
        }
    }
}
