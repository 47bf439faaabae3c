package org.portal.sections.webhooks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.portal.sections.notifications.Notifications;

import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;

/**
 * Sends due deliveries. A round claims them in a short transaction (locked with {@code SKIP LOCKED}
 * and leased for a while, so replicas share the work and no database lock is held during a call),
 * posts each with its Standard Webhooks headers, and records the outcome: a 2xx is delivered; anything
 * else is tried again after a wait that doubles, given up after the last attempt; an endpoint that
 * keeps failing is disabled, with the reason kept on it.
 */
@ApplicationScoped
public class WebhookSender {

    private static final int BATCH = 20;
    private static final Duration LEASE = Duration.ofMinutes(2);

    private final WebhookSettings settings;
    private final Notifications notifications;
    private final Clock clock;
    // The JDK's client: receivers are arbitrary URLs, not a neighbour with a typed interface.
    private final HttpClient http;

    public WebhookSender(WebhookSettings settings, Notifications notifications, Clock clock) {
        this.settings = settings;
        this.notifications = notifications;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    private record Claimed(UUID id, String eventType, String body, String url, String secret) {
    }

    @Scheduled(every = "${portal.webhooks.send-every:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sendDue() {
        for (Claimed claimed : claim()) {
            Outcome outcome = post(claimed);
            QuarkusTransaction.requiringNew().run(() -> record(claimed.id(), outcome));
        }
    }

    private List<Claimed> claim() {
        return QuarkusTransaction.requiringNew().call(() -> {
            Instant now = Instant.now(clock);
            @SuppressWarnings("unchecked")
            List<WebhookDelivery> due = WebhookDelivery.getEntityManager().createNativeQuery("""
                    SELECT * FROM webhook_deliveries WHERE delivered_at IS NULL AND failed_at IS NULL
                    AND next_attempt_at <= :now ORDER BY next_attempt_at LIMIT :batch FOR UPDATE SKIP LOCKED""",
                    WebhookDelivery.class).setParameter("now", now).setParameter("batch", BATCH).getResultList();
            return due.stream().map(delivery -> {
                delivery.nextAttemptAt = now.plus(LEASE);
                WebhookEndpoint endpoint = WebhookEndpoint.findById(delivery.endpointId);
                return new Claimed(delivery.id, delivery.eventType, delivery.payload.toString(), endpoint.url,
                        endpoint.enabled ? endpoint.secret : null);
            }).toList();
        });
    }

    private record Outcome(Integer status, String error) {
        boolean delivered() {
            return status != null && status >= 200 && status < 300;
        }
    }

    private Outcome post(Claimed claimed) {
        if (claimed.secret() == null) {
            return new Outcome(null, "the endpoint is disabled");
        }
        String messageId = "msg_" + claimed.id();
        long timestamp = Instant.now(clock).getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create(claimed.url())).timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .header("webhook-id", messageId)
                .header("webhook-timestamp", Long.toString(timestamp))
                .header("webhook-signature", StandardWebhooks.signature(claimed.secret(), messageId, timestamp, claimed.body()))
                .POST(HttpRequest.BodyPublishers.ofString(claimed.body())).build();
        try {
            int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            return new Outcome(status, status >= 200 && status < 300 ? null : "the receiver answered " + status);
        } catch (IOException e) {
            return new Outcome(null, e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(null, "interrupted");
        }
    }

    private void record(UUID id, Outcome outcome) {
        WebhookDelivery delivery = WebhookDelivery.findById(id);
        WebhookEndpoint endpoint = WebhookEndpoint.findById(delivery.endpointId);
        Instant now = Instant.now(clock);
        delivery.attempts++;
        delivery.lastStatus = outcome.status();
        delivery.lastError = outcome.error();
        if (outcome.delivered()) {
            delivery.deliveredAt = now;
            endpoint.consecutiveFailures = 0;
            return;
        }
        if (!endpoint.enabled) {
            delivery.failedAt = now;
            return;
        }
        endpoint.consecutiveFailures++;
        if (delivery.attempts >= settings.maxAttempts()) {
            delivery.failedAt = now;
        } else {
            delivery.nextAttemptAt = now.plus(delayAfter(delivery.attempts));
        }
        Log.warnf("Webhook delivery %s (%s) to %s failed, attempt %d: %s", delivery.id, delivery.eventType, endpoint.url,
                delivery.attempts, outcome.error());
        if (endpoint.consecutiveFailures >= settings.disableAfterFailures()) {
            endpoint.enabled = false;
            endpoint.disabledReason = "Disabled at " + now + " after " + endpoint.consecutiveFailures
                    + " failed deliveries in a row; the last: " + outcome.error();
            Log.errorf("Webhook endpoint %s (%s) disabled: %s", endpoint.id, endpoint.url, endpoint.disabledReason);
            tellDisabled(endpoint);
        }
    }

    /** The portal administrators hear of it, and the account administrator who registered the endpoint. */
    private void tellDisabled(WebhookEndpoint endpoint) {
        notifications.tellStaff(Notifications.Kind.WEBHOOK_DISABLED, Map.of("url", endpoint.url, "endpointId",
                endpoint.id.toString(), "scope",
                endpoint.accountId == null ? "the whole installation" : "account " + endpoint.accountId,
                "reason", endpoint.disabledReason));
        if (endpoint.createdByUserId != null) {
            notifications.tell(endpoint.createdByUserId, Notifications.Kind.WEBHOOK_DISABLED,
                    Map.of("url", endpoint.url, "reason", endpoint.disabledReason));
        }
    }

    private Duration delayAfter(int attempts) {
        Duration delay = settings.firstRetry();
        for (int i = 1; i < attempts && delay.compareTo(settings.maxRetryDelay()) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(settings.maxRetryDelay()) < 0 ? delay : settings.maxRetryDelay();
    }
}
