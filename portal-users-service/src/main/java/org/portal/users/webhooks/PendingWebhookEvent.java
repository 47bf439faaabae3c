package org.portal.users.webhooks;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An event about a portal user waiting to be handed to sections-service's webhooks by {@link WebhookEventRelay}. */
@Entity
@Table(name = "webhook_events")
public class PendingWebhookEvent extends PanacheEntityBase {

    @Id
    public UUID id;
    public String type;
    public UUID accountId;
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, String> data;
    public Instant createdAt;
    public Instant nextAttemptAt;
    public int attempts;
    public String lastError;
    public Instant relayedAt;
}
