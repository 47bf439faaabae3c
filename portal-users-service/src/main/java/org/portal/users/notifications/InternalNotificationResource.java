package org.portal.users.notifications;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.portal.tokens.Roles;

/** For other services only: the notifications they ask for become mails here, where people's addresses live. */
@Path("/internal/notifications")
@Tag(name = "Internal")
@RolesAllowed(Roles.PORTAL_SERVICE)
public class InternalNotificationResource {

    private final NotificationService notifications;

    public InternalNotificationResource(NotificationService notifications) {
        this.notifications = notifications;
    }

    /** What became of a notification. */
    public record Accepted(NotificationService.Outcome outcome) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Tell a portal user something by mail, once per notification id")
    @APIResponse(responseCode = "404", description = "No such portal user")
    public Accepted notify(@Valid @NotNull NotificationRequest request) {
        return new Accepted(notifications.accept(request));
    }
}
