package org.portal.users.users;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/users")
@Tag(name = "Portal users")
@RolesAllowed("portal-admin")
@Produces(MediaType.APPLICATION_JSON)
public class PortalUserResource {

    private final PortalUserService users;

    public PortalUserResource(PortalUserService users) {
        this.users = users;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create an active portal user for an existing identity at the OIDC provider")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "409", description = "The email or the identity is taken")
    @APIResponse(responseCode = "422", description = "The account does not exist")
    public Response create(@Valid @NotNull NewPortalUser request) {
        PortalUserView created = PortalUserView.from(users.create(request));
        return Response.created(URI.create("/api/users/" + created.id())).entity(created).build();
    }
}
