package org.portal.sections.access;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

@RegisterRestClient(configKey = "portal-users")
@OidcClientFilter
@Path("/internal/subjects")
public interface PortalUsersClient {

    @GET
    @Path("/{subject}")
    SubjectView subject(@PathParam("subject") String subject);
}
