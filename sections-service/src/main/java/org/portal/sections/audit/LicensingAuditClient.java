package org.portal.sections.audit;

import java.time.Instant;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestQuery;
import org.portal.audit.AuditPage;
import org.portal.sections.access.NeighbourFailed;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;

/** licensing-service's part of the audit trail. */
@RegisterRestClient(configKey = "licensing")
@OidcClientFilter
@Path("/internal/audit")
public interface LicensingAuditClient {

    @GET
    AuditPage page(@RestQuery String actor, @RestQuery String action, @RestQuery String targetType, @RestQuery String target,
            @RestQuery UUID accountId, @RestQuery Instant from, @RestQuery Instant to, @RestQuery String cursor,
            @RestQuery int limit);

    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        return new NeighbourFailed("licensing-service answered " + response.getStatus() + " to an audit query");
    }
}
