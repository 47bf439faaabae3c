package org.portal.users.registrations;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;

@Path("/api/registrations")
@Tag(name = "Registration")
@Produces(MediaType.APPLICATION_JSON)
public class RegistrationResource {

    private final RegistrationService registrations;
    private final CallerResolver callers;
    private final SecurityIdentity identity;
    private final JsonWebToken token;

    public RegistrationResource(RegistrationService registrations, CallerResolver callers, SecurityIdentity identity,
            JsonWebToken token) {
        this.registrations = registrations;
        this.callers = callers;
        this.identity = identity;
        this.token = token;
    }

    @POST
    @Authenticated
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register for the portal with an identity from the OIDC provider; pending until decided")
    @APIResponse(responseCode = "403", description = "The identity provider has not verified the caller's e-mail address, or the caller is portal staff")
    @APIResponse(responseCode = "409", description = "Already a portal user, already registered, or the email is taken")
    @APIResponseSchema(value = RegistrationView.class, responseCode = "201", responseDescription = "Registered, pending a decision")
    public Response register(@Valid @NotNull NewRegistration request) {
        StaffOnly.requireNotStaff(identity);
        RegistrationView created = RegistrationView.from(registrations.register(identity.getPrincipal().getName(),
                VerifiedEmail.of(token), request));
        return Response.created(URI.create("/api/registrations/" + created.id())).entity(created).build();
    }

    @GET
    @RolesAllowed({ Roles.PORTAL_ADMIN, Roles.PORTAL_USER })
    @Operation(summary = "Registrations (an account administrator sees their account's)")
    public List<RegistrationView> listRegistrations(
            @QueryParam("status") @Pattern(regexp = "pending|approved|rejected") @Size(max = 20) String status,
            @QueryParam("offset") @DefaultValue("0") @Min(0) @Max(1_000_000) int offset,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        return registrations.list(callers.manager(), status, offset, limit).stream().map(RegistrationView::from).toList();
    }

    @POST
    @Path("/{id}/approve")
    @RolesAllowed({ Roles.PORTAL_ADMIN, Roles.PORTAL_USER })
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Approve: the user becomes active in the account, with a seat of the edition if named")
    @APIResponse(responseCode = "409", description = "Decided already, or no seat of the edition is free")
    @APIResponseSchema(value = RegistrationView.class, responseCode = "200", responseDescription = "Approved")
    public RegistrationView approveRegistration(@PathParam("id") UUID id, @Valid @NotNull Decision decision) {
        return RegistrationView.from(registrations.approve(callers.manager(), id, decision));
    }

    @POST
    @Path("/{id}/reject")
    @RolesAllowed({ Roles.PORTAL_ADMIN, Roles.PORTAL_USER })
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reject the registration")
    @APIResponse(responseCode = "409", description = "Decided already")
    @APIResponseSchema(value = RegistrationView.class, responseCode = "200", responseDescription = "Rejected")
    public RegistrationView rejectRegistration(@PathParam("id") UUID id, @Valid @NotNull Decision decision) {
        return RegistrationView.from(registrations.reject(callers.manager(), id, decision));
    }
}
