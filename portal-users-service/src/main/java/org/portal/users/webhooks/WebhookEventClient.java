package org.portal.users.webhooks;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;

/** sections-service's intake of events for its webhook endpoints; it takes each event id once. */
@RegisterRestClient(configKey = "sections")
@OidcClientFilter
@Path("/internal/webhook-events")
public interface WebhookEventClient {

    record Event(UUID id, String type, UUID accountId, Instant occurredAt, Map<String, String> data) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    void publish(Event event);

    /** A refusal of this event (a 4xx other than 408 and 429) will not change on a retry; anything else may. */
    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        int status = response.getStatus();
        boolean refused = status >= 400 && status < 500 && status != 408 && status != 429;
        return refused ? new EventRefused("sections-service refused the event: " + status)
                : new IllegalStateException("sections-service answered " + status);
    }

    /** sections-service will not take this event, however often it is asked. */
    class EventRefused extends RuntimeException {
        EventRefused(String message) {
            super(message);
        }
    }
}
