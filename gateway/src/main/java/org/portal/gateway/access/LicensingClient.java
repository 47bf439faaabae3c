package org.portal.gateway.access;

import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.smallrye.mutiny.Uni;

@RegisterRestClient(configKey = "licensing")
@OidcClientFilter
@Path("/internal/users")
public interface LicensingClient {

    @GET
    @Path("/{userId}/entitlement")
    Uni<Entitlement> entitlement(@PathParam("userId") UUID userId);
}
