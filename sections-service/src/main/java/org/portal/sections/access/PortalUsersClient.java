package org.portal.sections.access;

import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.quarkus.oidc.client.filter.OidcClientFilter;

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
