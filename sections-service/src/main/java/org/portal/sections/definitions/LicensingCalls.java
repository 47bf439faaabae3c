package org.portal.sections.definitions;

import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.portal.sections.access.Absent;
import org.portal.sections.access.NeighbourFailed;

/**
 * licensing-service's answers within limits, as for portal-users-service (access/PortalUsers): 2 s to
 * be answered and 2.5 s in all, an error status asked once more, a timeout or refused connection not,
 * and calls stopped for 5 s when half of the last 20 failed.
 */
@ApplicationScoped
@Timeout(value = 2500, unit = ChronoUnit.MILLIS)
@Retry(maxRetries = 1, delay = 50, retryOn = NeighbourFailed.class)
// Each method has a breaker of its own.
@CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS)
public class LicensingCalls {

    private final LicensingClient client;

    public LicensingCalls(@RestClient LicensingClient client) {
        this.client = client;
    }

    public Licensing.Catalogue catalogue() {
        return client.catalogue();
    }

    /** Empty when the user holds no valid seat. */
    public Optional<Licensing.Entitlement> entitlement(UUID userId) {
        return Absent.orEmpty(() -> client.entitlement(userId));
    }
}
