package org.portal.users.users;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.portal.tokens.Roles;

/** For other services only (a service identity); the gateway never routes {@code /internal}. */
@Path("/internal")
@Tag(name = "Internal")
@RolesAllowed(Roles.PORTAL_SERVICE)
@Produces(MediaType.APPLICATION_JSON)
public class InternalSubjectResource {

    private final PortalUserService users;

    public InternalSubjectResource(PortalUserService users) {
        this.users = users;
    }

    @GET
    @Path("/subjects/{subject}")
    @Operation(summary = "The portal user behind an OIDC subject: id, account, status, scope")
    @APIResponse(responseCode = "404", description = "No portal user has this subject")
    public SubjectView subject(@PathParam("subject") String subject) {
        return SubjectView.from(users.bySubject(subject));
    }

    @GET
    @Path("/users/{id}")
    @Operation(summary = "A portal user by id, as other services need to know them (an approver's account and status)")
    @APIResponse(responseCode = "404", description = "No such portal user")
    public SubjectView user(@PathParam("id") UUID id) {
        return SubjectView.from(users.byId(id));
    }
}
