package org.portal.gateway.access;

import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.smallrye.mutiny.Uni;

@RegisterRestClient(configKey = "licensing")
@OidcClientFilter
@Path("/internal/users")
public interface LicensingClient {

    @GET
    @Path("/{userId}/entitlement")
    Uni<Entitlement> entitlement(@PathParam("userId") UUID userId);

    /** Its 404 means nobody (or no seat) of that name; any other error status, that it cannot answer now. */
    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        return response.getStatus() == 404 ? new Absent()
                : new NeighbourFailed("licensing-service answered " + response.getStatus());
    }
}
