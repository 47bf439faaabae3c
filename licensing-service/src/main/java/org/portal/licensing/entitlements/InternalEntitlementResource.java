package org.portal.licensing.entitlements;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** For other services only (a service identity); the gateway never routes {@code /internal}. */
@Path("/internal/users/{userId}/entitlement")
@Tag(name = "Internal")
@RolesAllowed("portal-service")
public class InternalEntitlementResource {

    private final EntitlementService entitlements;

    public InternalEntitlementResource(EntitlementService entitlements) {
        this.entitlements = entitlements;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "A portal user's edition, granted sections and limits")
    @APIResponse(responseCode = "404", description = "The user holds no valid seat (problem type no-entitlement)")
    public Entitlement entitlement(@PathParam("userId") UUID userId) {
        return entitlements.of(userId);
    }
}
