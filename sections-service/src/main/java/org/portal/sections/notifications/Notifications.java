package org.portal.sections.notifications;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Asks for a person to be told something, in the caller's transaction: the notification exists
 * exactly when the change that causes it commits; {@link NotificationRelay} hands it on.
 */
@ApplicationScoped
public class Notifications {

    /** The kinds this service causes; their codes are portal-users-service's. */
    public enum Kind {
        CASE_COMMENT("case-comment"),
        CASE_RESOLVED("case-resolved"),
        APPROVAL_REQUESTED("approval-requested"),
        APPROVAL_DECIDED("approval-decided"),
        WEBHOOK_DISABLED("webhook-disabled");

        final String code;

        Kind(String code) {
            this.code = code;
        }
    }

    private final Clock clock;

    public Notifications(Clock clock) {
        this.clock = clock;
    }

    /**
     * {@code facts} fill the kind's mail (null recipient: the portal administrators); every key the template names must be
     * there (empty when there is nothing).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void tell(UUID recipientUserId, Kind kind, Map<String, String> facts) {
        PendingNotification notification = new PendingNotification();
        notification.id = UUID.randomUUID();
        notification.kind = kind.code;
        notification.recipientUserId = recipientUserId;
        notification.facts = Map.copyOf(facts);
        notification.createdAt = Instant.now(clock);
        notification.nextAttemptAt = notification.createdAt;
        notification.persist();
    }

    /** Asks for the portal administrators to be told (portal-users-service's staff notices), in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void tellStaff(Kind kind, Map<String, String> facts) {
        tell(null, kind, facts);
    }

    /** A short excerpt of a text for a mail: the first lines, cut at a word. */
    public static String excerpt(String text, int max) {
        String flat = text.strip();
        if (flat.length() <= max) {
            return flat;
        }
        int cut = flat.lastIndexOf(' ', max);
        return flat.substring(0, cut > max / 2 ? cut : max) + " …";
    }
}
