package org.portal.sections.access;

import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;

@RegisterRestClient(configKey = "portal-users")
@OidcClientFilter
@Path("/internal")
public interface PortalUsersClient {

    @GET
    @Path("/subjects/{subject}")
    SubjectView subject(@PathParam("subject") String subject);

    @GET
    @Path("/users/{id}")
    SubjectView user(@PathParam("id") UUID id);

    /** Its 404 means nobody of that name; any other error status, that it cannot answer now. */
    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        return response.getStatus() == 404 ? new Absent()
                : new NeighbourFailed("portal-users-service answered " + response.getStatus());
    }
}
