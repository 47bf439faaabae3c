package org.portal.users.notifications;

import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
    private final StaffNotices staffNotices;

    public InternalNotificationResource(NotificationService notifications, StaffNotices staffNotices) {
        this.notifications = notifications;
        this.staffNotices = staffNotices;
    }

    /** Something for portal staff; {@code id} is the asking service's, so asking twice tells once. */
    public record StaffNoticeRequest(@NotNull UUID id, @NotNull StaffNoticeKind kind,
            @NotNull @Size(max = 20) Map<@Size(max = 50) String, @Size(max = 2000) String> facts) {
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

    @POST
    @Path("/staff")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Tell the portal administrators something by mail, once per notice id")
    public void notifyStaff(@Valid @NotNull StaffNoticeRequest request) {
        staffNotices.tell(request.id(), request.kind(), request.facts());
    }
}
