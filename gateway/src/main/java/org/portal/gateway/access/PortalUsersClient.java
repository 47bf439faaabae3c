package org.portal.gateway.access;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.smallrye.mutiny.Uni;

@RegisterRestClient(configKey = "portal-users")
@OidcClientFilter
@Path("/internal/subjects")
public interface PortalUsersClient {

    @GET
    @Path("/{subject}")
    Uni<SubjectView> subject(@PathParam("subject") String subject);

    /** Its 404 means nobody (or no seat) of that name; any other error status, that it cannot answer now. */
    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        return response.getStatus() == 404 ? new Absent()
                : new NeighbourFailed("portal-users-service answered " + response.getStatus());
    }
}
