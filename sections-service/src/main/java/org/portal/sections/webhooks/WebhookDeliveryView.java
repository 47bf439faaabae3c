package org.portal.sections.webhooks;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/** One delivery of the log: its message id (the {@code webhook-id} header), payload and where it stands. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebhookDeliveryView(UUID id, String messageId, String eventType, JsonNode payload, String status, int attempts,
        Integer lastStatus, String lastError, Instant createdAt, Instant nextAttemptAt, Instant deliveredAt) {

    static WebhookDeliveryView from(WebhookDelivery d) {
        String status = d.deliveredAt != null ? "delivered"
                : d.failedAt != null ? "failed"
                        : d.attempts == 0 ? "pending" : "retrying";
        return new WebhookDeliveryView(d.id, "msg_" + d.id, d.eventType, d.payload, status, d.attempts, d.lastStatus,
                d.lastError, d.createdAt, d.deliveredAt == null && d.failedAt == null ? d.nextAttemptAt : null, d.deliveredAt);
    }
}
