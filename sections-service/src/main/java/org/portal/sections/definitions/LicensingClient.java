package org.portal.sections.definitions;

import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.portal.sections.access.Absent;
import org.portal.sections.access.NeighbourFailed;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;

@RegisterRestClient(configKey = "licensing")
@OidcClientFilter
public interface LicensingClient {

    @GET
    @Path("/api/licensing/catalogue")
    Licensing.Catalogue catalogue();

    @GET
    @Path("/internal/users/{userId}/entitlement")
    Licensing.Entitlement entitlement(@PathParam("userId") UUID userId);

    /** Its 404 means no such thing (no valid seat); any other error status, that it cannot answer now. */
    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        return response.getStatus() == 404 ? new Absent()
                : new NeighbourFailed("licensing-service answered " + response.getStatus());
    }
}
