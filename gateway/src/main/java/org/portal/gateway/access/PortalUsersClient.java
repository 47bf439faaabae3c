package org.portal.gateway.access;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.smallrye.mutiny.Uni;

@RegisterRestClient(configKey = "portal-users")
@OidcClientFilter
@Path("/internal/subjects")
public interface PortalUsersClient {

    @GET
    @Path("/{subject}")
    Uni<SubjectView> subject(@PathParam("subject") String subject);
}
