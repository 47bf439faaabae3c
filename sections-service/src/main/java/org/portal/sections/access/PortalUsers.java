package org.portal.sections.access;

import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * portal-users-service's answers about people, within limits: a look-up gets 2 s to be answered
 * (the client's read timeout) and 2.5 s in all; one answered with an error status is asked once more
 * (they are reads), one that timed out or could not connect is not (that would only double the wait);
 * when half of the last 20 fail, calls stop for 5 s and fail at once instead of piling up. "Nobody of
 * that name" is an answer (empty), never a failure.
 */
@ApplicationScoped
@Timeout(value = 2500, unit = ChronoUnit.MILLIS)
@Retry(maxRetries = 1, delay = 50, retryOn = NeighbourFailed.class)
// Each method has a breaker of its own.
@CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS)
public class PortalUsers {

    private final PortalUsersClient client;

    public PortalUsers(@RestClient PortalUsersClient client) {
        this.client = client;
    }

    public Optional<SubjectView> bySubject(String subject) {
        return Absent.orEmpty(() -> client.subject(subject));
    }

    public Optional<SubjectView> byId(UUID userId) {
        return Absent.orEmpty(() -> client.user(userId));
    }
}
