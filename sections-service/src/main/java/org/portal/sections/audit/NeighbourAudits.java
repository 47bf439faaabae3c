package org.portal.sections.audit;

import java.time.temporal.ChronoUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.portal.audit.AuditFilter;
import org.portal.audit.AuditPage;
import org.portal.sections.access.NeighbourFailed;

/**
 * The other services' parts of the audit trail, within the limits of every neighbour call here: 2.5 s
 * in all, an error status asked once more, a breaker per service.
 */
@ApplicationScoped
@Timeout(value = 2500, unit = ChronoUnit.MILLIS)
@Retry(maxRetries = 1, delay = 50, retryOn = NeighbourFailed.class)
@CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS)
public class NeighbourAudits {

    private final LicensingAuditClient licensing;
    private final PortalUsersAuditClient portalUsers;

    public NeighbourAudits(@RestClient LicensingAuditClient licensing, @RestClient PortalUsersAuditClient portalUsers) {
        this.licensing = licensing;
        this.portalUsers = portalUsers;
    }

    public AuditPage licensing(AuditFilter f, int limit) {
        return licensing.page(f.actor(), f.action(), f.targetType(), f.targetId(), f.accountId(), f.from(), f.to(),
                cursor(f), limit);
    }

    public AuditPage portalUsers(AuditFilter f, int limit) {
        return portalUsers.page(f.actor(), f.action(), f.targetType(), f.targetId(), f.accountId(), f.from(), f.to(),
                cursor(f), limit);
    }

    private static String cursor(AuditFilter filter) {
        return filter.before() == null ? null : filter.before().text();
    }
}
