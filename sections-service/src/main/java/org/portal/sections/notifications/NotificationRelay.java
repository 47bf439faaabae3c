package org.portal.sections.notifications;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.portal.sections.access.Absent;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;

/**
 * Hands the outbox to portal-users-service. Each round locks the due notifications it takes
 * ({@code SKIP LOCKED}, so replicas share the work); one that is taken is marked relayed; one that
 * fails waits longer each time (doubling up to a ceiling) and the round stops, since the others
 * would fail the same way. portal-users-service takes each id once, so a relay repeated after a
 * crash tells nobody twice.
 */
@ApplicationScoped
public class NotificationRelay {

    private static final int BATCH = 20;

    private final NotificationClient portalUsers;
    private final Clock clock;
    private final Duration firstRetry;
    private final Duration maxRetryDelay;

    public NotificationRelay(@RestClient NotificationClient portalUsers, Clock clock,
            @ConfigProperty(name = "portal.notifications.first-retry", defaultValue = "PT5S") Duration firstRetry,
            @ConfigProperty(name = "portal.notifications.max-retry-delay", defaultValue = "PT10M") Duration maxRetryDelay) {
        this.portalUsers = portalUsers;
        this.clock = clock;
        this.firstRetry = firstRetry;
        this.maxRetryDelay = maxRetryDelay;
    }

    @Scheduled(every = "${portal.notifications.relay-every:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void relayDue() {
        Instant now = Instant.now(clock);
        @SuppressWarnings("unchecked")
        List<PendingNotification> due = PendingNotification.getEntityManager().createNativeQuery("""
                SELECT * FROM notification_outbox WHERE relayed_at IS NULL AND next_attempt_at <= :now
                ORDER BY next_attempt_at LIMIT :batch FOR UPDATE SKIP LOCKED""", PendingNotification.class)
                .setParameter("now", now).setParameter("batch", BATCH).getResultList();
        for (PendingNotification notification : due) {
            if (!relay(notification, now)) {
                return;
            }
        }
    }

    private boolean relay(PendingNotification notification, Instant now) {
        try {
            if (notification.recipientUserId == null) {
                portalUsers.notifyStaff(
                        new NotificationClient.StaffNotice(notification.id, notification.kind, notification.facts));
            } else {
                portalUsers.notify(new NotificationClient.Notification(notification.id, notification.kind,
                        notification.recipientUserId, notification.facts));
            }
            notification.relayedAt = Instant.now(clock);
            return true;
        } catch (Absent gone) {
            notification.relayedAt = Instant.now(clock);
            notification.lastError = "the recipient is no portal user";
            Log.infof("Notification %s (%s) dropped: user %s is no portal user", notification.id, notification.kind,
                    notification.recipientUserId);
            return true;
        } catch (RuntimeException e) {
            notification.attempts++;
            notification.lastError = String.valueOf(e.getMessage());
            notification.nextAttemptAt = now.plus(delayAfter(notification.attempts));
            Log.warnf("Notification %s (%s) not relayed, attempt %d, next at %s: %s", notification.id, notification.kind,
                    notification.attempts, notification.nextAttemptAt, e.toString());
            return false;
        }
    }

    private Duration delayAfter(int attempts) {
        Duration delay = firstRetry;
        for (int i = 1; i < attempts && delay.compareTo(maxRetryDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxRetryDelay) < 0 ? delay : maxRetryDelay;
    }
}
