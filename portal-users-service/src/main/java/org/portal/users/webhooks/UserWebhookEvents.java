package org.portal.users.webhooks;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.portal.users.users.PortalUser;
import org.portal.users.users.UserBlocked;
import org.portal.users.users.UserJoined;

/**
 * Writes the webhook events about portal users ({@code user.registered}, {@code user.blocked}) in the
 * transaction of the change, for their account's endpoints and the installation's.
 */
@ApplicationScoped
public class UserWebhookEvents {

    private final Clock clock;

    public UserWebhookEvents(Clock clock) {
        this.clock = clock;
    }

    void onJoined(@Observes UserJoined joined) {
        PortalUser user = joined.user();
        write("user.registered", user, Map.of("accessScope", user.accessScope.name()));
    }

    void onBlocked(@Observes UserBlocked blocked) {
        write("user.blocked", blocked.user(),
                Map.of("blockedBy", blocked.byStaff() ? "portal-staff" : "account-administrator"));
    }

    private void write(String type, PortalUser user, Map<String, String> more) {
        PendingWebhookEvent event = new PendingWebhookEvent();
        event.id = UUID.randomUUID();
        event.type = type;
        event.accountId = user.accountId;
        event.data = new HashMap<>(more);
        event.data.put("userId", user.id.toString());
        event.data.put("accountId", user.accountId.toString());
        event.data.put("email", user.email);
        event.data.put("displayName", user.displayName == null ? "" : user.displayName);
        event.createdAt = Instant.now(clock);
        event.nextAttemptAt = event.createdAt;
        event.persist();
    }
}
