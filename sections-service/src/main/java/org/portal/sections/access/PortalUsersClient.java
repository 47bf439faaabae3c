package org.portal.sections.access;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

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
}
