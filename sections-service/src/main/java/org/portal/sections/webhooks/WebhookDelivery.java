package org.portal.sections.webhooks;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.SqlTypes;
import org.portal.sections.config.JsonTreeMutability;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@Table(name = "webhook_deliveries")
public class WebhookDelivery extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID endpointId;
    public String eventType;
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(JsonTreeMutability.class)
    public ObjectNode payload;
    public Instant createdAt;
    public int attempts;
    public Instant nextAttemptAt;
    public Integer lastStatus;
    public String lastError;
    public Instant deliveredAt;
    public Instant failedAt;
    /** The id of the event another service handed in, which this delivery reports; null for this service's own. */
    public UUID sourceEventId;
}
