package org.portal.users.invitations;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.portal.tokens.Roles;
import org.portal.users.access.StaffOnly;
import org.portal.users.access.VerifiedEmail;
import org.portal.users.users.CallerResolver;
import org.portal.users.users.PortalUserView;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;

@Path("/api/invitations")
@Tag(name = "Invitations")
@Produces(MediaType.APPLICATION_JSON)
public class InvitationResource {

    private final InvitationService invitations;
    private final CallerResolver callers;
    private final SecurityIdentity identity;
    private final JsonWebToken token;

    public InvitationResource(InvitationService invitations, CallerResolver callers, SecurityIdentity identity,
            JsonWebToken token) {
        this.invitations = invitations;
        this.callers = callers;
        this.identity = identity;
        this.token = token;
    }

    @POST
    @RolesAllowed({ Roles.PORTAL_ADMIN, Roles.PORTAL_USER })
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Invite an e-mail address into an account: the invitation is mailed with its acceptance link; a new identity also gets the identity provider's mail to set a password")
    @APIResponse(responseCode = "409", description = "A portal user has this email already")
    @APIResponse(responseCode = "503", description = "The identity provider did not answer; nothing was created")
    @APIResponseSchema(value = InvitationView.class, responseCode = "201", responseDescription = "Invited; the answer holds the one-time code to pass on")
    public Response invite(@Valid @NotNull NewInvitation request) {
        InvitationView created = invitations.invite(callers.manager(), request);
        return Response.created(URI.create("/api/invitations/" + created.id())).entity(created).build();
    }

    @GET
    @RolesAllowed({ Roles.PORTAL_ADMIN, Roles.PORTAL_USER })
    @Operation(summary = "Invitations, newest first (an account administrator sees their account's)")
    public List<InvitationView> listInvitations(@QueryParam("offset") @DefaultValue("0") @Min(0) @Max(1_000_000) int offset,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        return invitations.list(callers.manager(), offset, limit).stream().map(InvitationView::from).toList();
    }

    @POST
    @Path("/accept")
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Accept an invitation as the signed-in person it was sent to")
    @APIResponse(responseCode = "403", description = "Signed in with another e-mail address, or one the identity provider has not verified, or as portal staff")
    @APIResponse(responseCode = "404", description = "No invitation has this code")
    @APIResponse(responseCode = "409", description = "Used already")
    @APIResponse(responseCode = "410", description = "Expired")
    @APIResponseSchema(value = PortalUserView.class, responseCode = "200", responseDescription = "Accepted: the caller is an active portal user")
    public PortalUserView acceptInvitation(@Valid @NotNull Acceptance acceptance) {
        StaffOnly.requireNotStaff(identity);
        return PortalUserView.from(invitations.accept(identity.getPrincipal().getName(), VerifiedEmail.of(token),
                acceptance.code()));
    }
}
