package org.portal.gateway.access;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.smallrye.faulttolerance.api.AsynchronousNonBlocking;
import io.smallrye.mutiny.Uni;

/**
 * The neighbours' answers an access context is made of, within limits: each call gets 1.5 s; one
 * answered with an error status is asked once more (they are reads), one that timed out is not (that
 * would only double the wait); when half of the last 20 fail, calls stop for 5 s and fail at once, so a
 * dead neighbour costs callers no wait. "Nobody of that name" is an answer (empty), never a failure.
 * Nothing here blocks: the calls run on the event loop that asked.
 */
@ApplicationScoped
@AsynchronousNonBlocking
@Timeout(value = 1500, unit = ChronoUnit.MILLIS)
@Retry(maxRetries = 1, delay = 50, retryOn = NeighbourFailed.class)
// Each method has a breaker of its own.
@CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS)
public class AccessLookups {

    private final PortalUsersClient portalUsers;
    private final LicensingClient licensing;
    private final CustomSections.Client sections;

    public AccessLookups(@RestClient PortalUsersClient portalUsers, @RestClient LicensingClient licensing,
            @RestClient CustomSections.Client sections) {
        this.portalUsers = portalUsers;
        this.licensing = licensing;
        this.sections = sections;
    }

    public Uni<Optional<SubjectView>> subject(String subject) {
        return orEmpty(portalUsers.subject(subject));
    }

    /** Empty when the user holds no seat. */
    public Uni<Optional<Entitlement>> entitlement(UUID userId) {
        return orEmpty(licensing.entitlement(userId));
    }

    public Uni<List<CustomSections.Custom>> customSections() {
        return sections.custom();
    }

    private static <T> Uni<Optional<T>> orEmpty(Uni<T> answer) {
        return answer.map(Optional::of).onFailure(Absent.class).recoverWithItem(Optional.empty());
    }
}
