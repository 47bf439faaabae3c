package org.portal.sections.reports;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.portal.problem.ServiceUnavailable;
import org.portal.sections.access.NeighbourFailed;

import io.quarkus.logging.Log;

/**
 * licensing-service's reports within the limits of a report call: 5 s, an error status asked once more,
 * a breaker. A report it cannot give is a 503: a report with licensing's figures missing would mislead.
 */
@ApplicationScoped
public class LicensingReports {

    private final Calls calls;

    public LicensingReports(Calls calls) {
        this.calls = calls;
    }

    public List<LicensingReportClient.UsageRow> usage(String by, String period, LocalDate from, LocalDate to,
            UUID accountId) {
        return read(() -> calls.usage(by, period, from, to, accountId));
    }

    public List<TopUser> topUsers(LocalDate from, LocalDate to, UUID accountId, int limit) {
        return read(() -> calls.topUsers(from, to, accountId, limit));
    }

    public List<SeatReportRow> seats(String by, UUID accountId) {
        return read(() -> calls.seats(by, accountId));
    }

    private static <T> T read(Supplier<T> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            Log.warnf("A report could not be read from licensing-service: %s", e.toString());
            throw new ServiceUnavailable("licensing-service", "Report unavailable",
                    "licensing-service cannot give the report right now; try again shortly");
        }
    }

    /** The calls themselves, with fault tolerance (a separate bean, so its interceptors apply). */
    @ApplicationScoped
    @Timeout(value = 5, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 1, delay = 50, retryOn = NeighbourFailed.class)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS)
    public static class Calls {

        private final LicensingReportClient client;

        public Calls(@RestClient LicensingReportClient client) {
            this.client = client;
        }

        public List<LicensingReportClient.UsageRow> usage(String by, String period, LocalDate from, LocalDate to,
                UUID accountId) {
            return client.usage(by, period, from, to, accountId);
        }

        public List<TopUser> topUsers(LocalDate from, LocalDate to, UUID accountId, int limit) {
            return client.topUsers(from, to, accountId, limit);
        }

        public List<SeatReportRow> seats(String by, UUID accountId) {
            return client.seats(by, accountId);
        }
    }
}
