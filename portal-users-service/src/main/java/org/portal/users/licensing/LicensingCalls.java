package org.portal.users.licensing;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * licensing-service's answers within limits: 2.5 s for a call in all; reads answered with an error
 * status are asked once more (writes never: a seat given twice is not the same as once); when half of
 * the last 20 calls failed, calls stop for 5 s and fail at once. Refusals are answers and count as
 * successes.
 */
@ApplicationScoped
@Timeout(value = 2500, unit = ChronoUnit.MILLIS)
// Each method has a breaker of its own; a refusal is an answer, not a failure.
@CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS, skipOn = LicensingRefusal.class)
public class LicensingCalls {

    private final LicensingClient client;

    public LicensingCalls(@RestClient LicensingClient client) {
        this.client = client;
    }

    public void giveSeat(LicensingClient.SeatGrant grant) {
        client.giveSeat(grant);
    }

    public void takeBackSeat(UUID userId, UUID budgetAccount, String takenBy) {
        client.takeBackSeat(userId, budgetAccount, takenBy);
    }

    @Retry(maxRetries = 1, delay = 50, retryOn = LicensingFailed.class)
    public List<SeatBudgetView> budgets(UUID accountId) {
        return client.budgets(accountId);
    }

    @Retry(maxRetries = 1, delay = 50, retryOn = LicensingFailed.class)
    public List<LicensingClient.LicenseStanding> standing() {
        return client.standing();
    }

    /** Empty when the user holds no valid seat (licensing-service's 404). */
    @Retry(maxRetries = 1, delay = 50, retryOn = LicensingFailed.class)
    public Optional<EntitlementView> entitlement(UUID userId) {
        try {
            return Optional.of(client.entitlement(userId));
        } catch (LicensingRefusal refusal) {
            if (refusal.status() == 404) {
                return Optional.empty();
            }
            throw refusal;
        }
    }
}
