package org.portal.sections.webhooks;

import java.util.List;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.portal.problem.InvalidFields;
import org.portal.problem.Problem;
import org.portal.tokens.Roles;

/** For portal-users-service: the events about portal users, which this service's endpoints deliver with the others. */
@Path("/internal/webhook-events")
@Tag(name = "Internal")
@RolesAllowed(Roles.PORTAL_SERVICE)
public class InternalWebhookEventResource {

    /** What other services may report; the rest of the events are this service's own. */
    static final Set<WebhookEvent> HANDED_IN = Set.of(WebhookEvent.USER_REGISTERED, WebhookEvent.USER_BLOCKED);

    private final Webhooks webhooks;

    public InternalWebhookEventResource(Webhooks webhooks) {
        this.webhooks = webhooks;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Deliver another service's event to the endpoints that subscribed to it, once per event id")
    @APIResponse(responseCode = "204", description = "Taken (or taken before)")
    @APIResponse(responseCode = "400", description = "Not an event other services report")
    public void handIn(@Valid @NotNull HandedInEvent event) {
        WebhookEvent type = WebhookEvent.of(event.type()).filter(HANDED_IN::contains)
                .orElseThrow(() -> new InvalidFields(
                        List.of(new Problem.FieldError("type", "is not an event other services report"))));
        webhooks.handedIn(event.id(), type, event.accountId(), event.occurredAt(), event.data());
    }
}
