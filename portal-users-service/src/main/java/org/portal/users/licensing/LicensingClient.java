package org.portal.users.licensing;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** licensing-service's internal API, called with this service's own identity. */
@RegisterRestClient(configKey = "licensing")
@OidcClientFilter
@Path("/internal")
public interface LicensingClient {

    @GET
    @Path("/users/{userId}/entitlement")
    EntitlementView entitlement(@PathParam("userId") UUID userId);

    @POST
    @Path("/seats")
    @Consumes(MediaType.APPLICATION_JSON)
    void giveSeat(SeatGrant grant);

    record SeatGrant(UUID userId, String edition) {
    }
}
