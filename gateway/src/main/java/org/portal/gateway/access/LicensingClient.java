package org.portal.gateway.access;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

@RegisterRestClient(configKey = "licensing")
@OidcClientFilter
@Path("/internal/users")
public interface LicensingClient {

    @GET
    @Path("/{userId}/entitlement")
    Uni<Entitlement> entitlement(@PathParam("userId") UUID userId);
}
