package org.portal.users.me;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.portal.users.users.Preferences;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * The signed-in portal user. Password change and recovery are not here: they are the identity
 * provider's own flows (its account console and "forgot password"); this service stores no passwords.
 */
@Path("/api/me")
@Tag(name = "Me", description = "The signed-in portal user. Password change and recovery are the identity provider's"
        + " own flows (its account console and forgot-password page); this API stores no passwords.")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class MeResource {

    private final MeService me;
    private final SecurityIdentity identity;

    public MeResource(MeService me, SecurityIdentity identity) {
        this.me = me;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "My profile, account, status and scope, with my edition and granted sections")
    @APIResponse(responseCode = "404", description = "Not a portal user yet")
    @APIResponse(responseCode = "403", description = "Blocked")
    @APIResponse(responseCode = "503", description = "The licensing service did not answer")
    @APIResponseSchema(value = MeView.class, responseCode = "200", responseDescription = "Your profile, account, edition and sections")
    public MeView getMe() {
        return me.me(identity.getPrincipal().getName());
    }

    @GET
    @Path("/preferences")
    @Operation(summary = "What I chose to see")
    public Preferences getPreferences() {
        return me.preferences(identity.getPrincipal().getName());
    }

    @PUT
    @Path("/preferences")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace what I chose to see: list columns per section, language, page size, start page")
    @APIResponse(responseCode = "400", description = "An unknown key, or a value out of bounds; nothing stored")
    @APIResponseSchema(value = Preferences.class, responseCode = "200", responseDescription = "Stored")
    public Preferences replacePreferences(@Valid @NotNull Preferences preferences) {
        return me.replacePreferences(identity.getPrincipal().getName(), preferences);
    }
}
