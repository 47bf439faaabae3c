package org.portal.audit;

import java.time.Instant;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.portal.tokens.Roles;

/**
 * This service's part of the audit trail, for the service that answers staff's audit queries
 * (sections-service merges every service's part by time). Read-only: nothing changes an entry.
 */
@Path("/internal/audit")
@RolesAllowed(Roles.PORTAL_SERVICE)
@Produces(MediaType.APPLICATION_JSON)
public class InternalAuditResource {

    private final AuditLog log;

    public InternalAuditResource(AuditLog log) {
        this.log = log;
    }

    @GET
    public AuditPage auditEntries(@QueryParam("actor") @Size(max = 255) String actor,
            @QueryParam("action") @Size(max = 100) String action,
            @QueryParam("targetType") @Size(max = 100) String targetType,
            @QueryParam("target") @Size(max = 255) String target, @QueryParam("accountId") UUID accountId,
            @QueryParam("from") Instant from, @QueryParam("to") Instant to,
            @QueryParam("cursor") @Size(max = 200) String cursor,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(AuditLog.MAX_PAGE) int limit) {
        return log.page(new AuditFilter(actor, action, targetType, target, accountId, from, to, AuditCursor.parse(cursor)),
                limit);
    }
}
