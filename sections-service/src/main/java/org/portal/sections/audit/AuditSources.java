package org.portal.sections.audit;

import java.util.List;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.portal.audit.AuditFilter;
import org.portal.audit.AuditLog;
import org.portal.audit.AuditPage;
import org.portal.problem.ServiceUnavailable;

import io.quarkus.logging.Log;

/**
 * Every service's part of the audit trail: this service's own log and the other two services' over
 * their internal API. A part that cannot be read fails the query with a 503: an audit answer with a
 * service's entries silently missing would mislead.
 */
@ApplicationScoped
public class AuditSources {

    private final AuditLog own;
    private final NeighbourAudits neighbours;

    public AuditSources(AuditLog own, NeighbourAudits neighbours) {
        this.own = own;
        this.neighbours = neighbours;
    }

    /** Each service's first {@code limit} entries after the filter's cursor. */
    public List<AuditPage> pages(AuditFilter filter, int limit) {
        return List.of(own.page(filter, limit),
                read("licensing-service", () -> neighbours.licensing(filter, limit)),
                read("portal-users-service", () -> neighbours.portalUsers(filter, limit)));
    }

    private static AuditPage read(String service, Supplier<AuditPage> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            Log.warnf("The audit trail of %s could not be read: %s", service, e.toString());
            throw new ServiceUnavailable(service, "Audit trail unavailable",
                    "The audit trail of " + service + " cannot be read right now; try again shortly");
        }
    }
}
