package org.portal.sections.notifications;

import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.portal.sections.access.Absent;
import org.portal.sections.access.NeighbourFailed;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;

/** portal-users-service's intake of notifications, which turns each into a mail once. */
@RegisterRestClient(configKey = "portal-users")
@OidcClientFilter
@Path("/internal/notifications")
public interface NotificationClient {

    record Notification(UUID id, String kind, UUID recipientUserId, Map<String, String> facts) {
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    void notify(Notification notification);

    /** For the portal administrators: portal-users-service's staff notices. */
    record StaffNotice(UUID id, String kind, Map<String, String> facts) {
    }

    @POST
    @Path("/staff")
    @Consumes(MediaType.APPLICATION_JSON)
    void notifyStaff(StaffNotice notice);

    /** Its 404 means the recipient is no portal user any more; any other error status, that it cannot take it now. */
    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        return response.getStatus() == 404 ? new Absent()
                : new NeighbourFailed("portal-users-service answered " + response.getStatus());
    }
}
