package org.portal.sections.webhooks;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import org.portal.sections.lifecycles.RecordMoved;
import org.portal.sections.records.RecordEntity;
import org.portal.sections.records.RecordService;
import org.portal.sections.records.RecordWritten;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Writes a delivery for every enabled endpoint that subscribed to the event and may see it (one of
 * the record's account, or one of the whole installation), in the transaction of the change: the
 * delivery exists exactly when the change commits; {@link WebhookSender} sends it.
 */
@ApplicationScoped
public class Webhooks {

    private final RecordService records;
    private final ObjectMapper json;
    private final Clock clock;

    public Webhooks(RecordService records, ObjectMapper json, Clock clock) {
        this.records = records;
        this.json = json;
        this.clock = clock;
    }

    void onWritten(@Observes RecordWritten written) {
        publish(written.created() ? WebhookEvent.RECORD_CREATED : WebhookEvent.RECORD_UPDATED, written.record(),
                recordData(written.record()));
    }

    void onMoved(@Observes RecordMoved moved) {
        ObjectNode data = recordData(moved.record());
        data.put("from", moved.from()).put("to", moved.to());
        publish(WebhookEvent.RECORD_TRANSITIONED, moved.record(), data);
    }

    /** A comment portal users may read (never an internal note). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void commentAdded(RecordEntity record, UUID commentId, String body, String authorRole, Instant at) {
        ObjectNode data = json.createObjectNode();
        data.put("section", record.sectionCode).put("recordId", record.id.toString()).put("commentId", commentId.toString())
                .put("body", body).put("authorRole", authorRole).put("createdAt", at.toString());
        publish(WebhookEvent.COMMENT_ADDED, record, data);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void approvalDecided(RecordEntity record, UUID requestId, String state) {
        ObjectNode data = json.createObjectNode();
        data.put("section", record.sectionCode).put("recordId", record.id.toString()).put("requestId", requestId.toString())
                .put("state", state);
        publish(WebhookEvent.APPROVAL_DECIDED, record, data);
    }

    /**
     * An event another service reports (portal-users-service's {@code user.*}), for the account's
     * endpoints and the installation's. Handed in again, it adds nothing: each endpoint gets one
     * delivery per event id.
     */
    @Transactional
    public void handedIn(UUID eventId, WebhookEvent event, UUID accountId, Instant occurredAt, Map<String, String> data) {
        ObjectNode payloadData = json.valueToTree(new TreeMap<>(data));
        for (WebhookEndpoint endpoint : subscribed(event, accountId)) {
            if (WebhookDelivery.count("endpointId = ?1 and sourceEventId = ?2", endpoint.id, eventId) == 0) {
                deliver(endpoint, event, payloadData, occurredAt).sourceEventId = eventId;
            }
        }
    }

    /** The "send test event" call's delivery, to one endpoint whatever it subscribed to. */
    WebhookDelivery test(WebhookEndpoint endpoint) {
        ObjectNode data = json.createObjectNode().put("endpointId", endpoint.id.toString());
        return deliver(endpoint, WebhookEvent.TEST, data, Instant.now(clock));
    }

    private void publish(WebhookEvent event, RecordEntity record, ObjectNode data) {
        Instant now = Instant.now(clock);
        for (WebhookEndpoint endpoint : subscribed(event, record.accountId)) {
            deliver(endpoint, event, data, now);
        }
    }

    /** The enabled endpoints that subscribed to the event and may see the account's: its own and the installation's. */
    private static List<WebhookEndpoint> subscribed(WebhookEvent event, UUID accountId) {
        return WebhookEndpoint.<WebhookEndpoint> list("enabled = true and (accountId is null or accountId = ?1)", accountId)
                .stream().filter(endpoint -> endpoint.events.contains(event.code())).toList();
    }

    private WebhookDelivery deliver(WebhookEndpoint endpoint, WebhookEvent event, ObjectNode data, Instant now) {
        WebhookDelivery delivery = new WebhookDelivery();
        delivery.id = UUID.randomUUID();
        delivery.endpointId = endpoint.id;
        delivery.eventType = event.code();
        delivery.payload = json.createObjectNode();
        delivery.payload.put("type", event.code()).put("timestamp", now.toString()).set("data", data.deepCopy());
        delivery.createdAt = now;
        delivery.nextAttemptAt = now;
        delivery.persist();
        return delivery;
    }

    private ObjectNode recordData(RecordEntity record) {
        return (ObjectNode) json.valueToTree(records.view(record));
    }
}
