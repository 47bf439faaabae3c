package org.portal.users.webhooks;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.portal.users.mail.MailConfig;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;

/**
 * Hands the events about portal users to sections-service, oldest first. Each round locks the due
 * events it takes ({@code SKIP LOCKED}, so replicas share the work); one that fails waits longer each
 * time (as mail does) and the round stops, since the others would fail the same way; one that
 * sections-service refuses (a 4xx) is kept as refused and not retried. sections-service
 * takes each id once, so an event handed on again after a crash is delivered once.
 */
@ApplicationScoped
public class WebhookEventRelay {

    private static final int BATCH = 20;

    private final WebhookEventClient sections;
    private final MailConfig retries;
    private final Clock clock;

    public WebhookEventRelay(@RestClient WebhookEventClient sections, MailConfig retries, Clock clock) {
        this.sections = sections;
        this.retries = retries;
        this.clock = clock;
    }

    @Scheduled(every = "${portal.webhooks.relay-every:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void relayDue() {
        Instant now = Instant.now(clock);
        @SuppressWarnings("unchecked")
        List<PendingWebhookEvent> due = PendingWebhookEvent.getEntityManager().createNativeQuery("""
                SELECT * FROM webhook_events WHERE relayed_at IS NULL AND next_attempt_at <= :now
                ORDER BY next_attempt_at, created_at LIMIT :batch FOR UPDATE SKIP LOCKED""", PendingWebhookEvent.class)
                .setParameter("now", now).setParameter("batch", BATCH).getResultList();
        for (PendingWebhookEvent event : due) {
            try {
                sections.publish(
                        new WebhookEventClient.Event(event.id, event.type, event.accountId, event.createdAt, event.data));
                event.relayedAt = Instant.now(clock);
            } catch (WebhookEventClient.EventRefused refused) {
                // Kept with the reason, never retried: one event sections-service will not take must not hold up the rest.
                event.relayedAt = Instant.now(clock);
                event.lastError = refused.getMessage();
                Log.errorf("Webhook event %s (%s) dropped: %s", event.id, event.type, refused.getMessage());
            } catch (RuntimeException e) {
                event.attempts++;
                event.lastError = String.valueOf(e.getMessage());
                event.nextAttemptAt = now.plus(retries.delayAfter(event.attempts));
                Log.warnf("Webhook event %s (%s) not handed to sections-service, attempt %d, next at %s: %s", event.id,
                        event.type, event.attempts, event.nextAttemptAt, e.toString());
                return;
            }
        }
    }
}
