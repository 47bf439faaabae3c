package org.portal.users.users;

import java.net.URI;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.portal.tokens.Roles;

/**
 * Managing portal users: portal administrators for every account, account administrators (portal
 * users flagged so) for their own account only; other accounts' users are not found for them.
 */
@Path("/api/users")
@Tag(name = "Portal users")
@RolesAllowed({ Roles.PORTAL_ADMIN, Roles.PORTAL_USER })
@Produces(MediaType.APPLICATION_JSON)
public class PortalUserResource {

    private final PortalUserService users;
    private final CallerResolver callers;

    public PortalUserResource(PortalUserService users, CallerResolver callers) {
        this.users = users;
        this.callers = callers;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create an active portal user for an existing identity at the OIDC provider")
    @APIResponse(responseCode = "409", description = "The email or the identity is taken")
    @APIResponse(responseCode = "422", description = "The account does not exist")
    @APIResponseSchema(value = PortalUserView.class, responseCode = "201", responseDescription = "Created")
    public Response createUser(@Valid @NotNull NewPortalUser request) {
        PortalUserView created = PortalUserView.from(users.create(callers.manager(), request));
        return Response.created(URI.create("/api/users/" + created.id())).entity(created).build();
    }

    @GET
    @Operation(summary = "Search portal users by account, status, email or text, a page at a time")
    public UserPage searchUsers(@QueryParam("accountId") UUID accountId, @QueryParam("status") UserStatus status,
            @QueryParam("email") @Size(max = 320) String email, @QueryParam("q") @Size(max = 200) String text,
            @QueryParam("offset") @DefaultValue("0") @Min(0) @Max(1_000_000) int offset,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        return users.search(callers.manager(), accountId, status, email, text, offset, limit);
    }

    @GET
    @Path("/{id}")
    @APIResponse(responseCode = "404", description = "No such user (or not in the caller's account)")
    @APIResponseSchema(value = PortalUserView.class, responseCode = "200", responseDescription = "The user")
    public PortalUserView getUser(@PathParam("id") UUID id) {
        return PortalUserView.from(users.get(callers.manager(), id));
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change status (block, unblock), scope, account, account-administrator flag or name")
    @APIResponse(responseCode = "404", description = "No such user (or not in the caller's account)")
    @APIResponse(responseCode = "503", description = "The identity provider did not take the change; nothing changed")
    @APIResponseSchema(value = PortalUserView.class, responseCode = "200", responseDescription = "Changed")
    public PortalUserView updateUser(@PathParam("id") UUID id, @Valid @NotNull UserUpdate update) {
        return PortalUserView.from(users.update(callers.manager(), id, update));
    }

    @POST
    @Path("/{id}/block")
    @Operation(summary = "Block a user: no new tokens at the provider, and the gateway refuses their current ones")
    public PortalUserView blockUser(@PathParam("id") UUID id) {
        return PortalUserView
                .from(users.update(callers.manager(), id, new UserUpdate(null, UserStatus.blocked, null, null, null)));
    }

    @POST
    @Path("/{id}/unblock")
    @Operation(summary = "Unblock a user")
    public PortalUserView unblockUser(@PathParam("id") UUID id) {
        return PortalUserView
                .from(users.update(callers.manager(), id, new UserUpdate(null, UserStatus.active, null, null, null)));
    }
}
