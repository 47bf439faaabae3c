package org.portal.licensing.entitlements;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.portal.tokens.Roles;

/** One answer, two doors: services read it internally, administrators through the public API. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class EntitlementResource {

    private final EntitlementService entitlements;

    public EntitlementResource(EntitlementService entitlements) {
        this.entitlements = entitlements;
    }

    @GET
    @Path("internal/users/{userId}/entitlement")
    @RolesAllowed(Roles.PORTAL_SERVICE)
    @Tag(name = "Internal")
    @Operation(summary = "A portal user's edition, granted sections and limits (service identities; never routed by the gateway)")
    @APIResponse(responseCode = "404", description = "The user holds no valid seat (problem type no-entitlement)")
    @APIResponseSchema(value = Entitlement.class, responseCode = "200", responseDescription = "The entitlement")
    public Entitlement forService(@PathParam("userId") UUID userId) {
        return entitlements.of(userId);
    }

    @GET
    @Path("api/licensing/users/{userId}/entitlement")
    @RolesAllowed(Roles.PORTAL_ADMIN)
    @Tag(name = "Entitlements")
    @Operation(summary = "What a portal user's seat entitles them to")
    @APIResponse(responseCode = "404", description = "The user holds no valid seat (problem type no-entitlement)")
    @APIResponseSchema(value = Entitlement.class, responseCode = "200", responseDescription = "The entitlement")
    public Entitlement getEntitlement(@PathParam("userId") UUID userId) {
        return entitlements.of(userId);
    }
}
