package org.portal.sections.notifications;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A notification waiting to be taken by portal-users-service. */
@Entity
@Table(name = "notification_outbox")
public class PendingNotification extends PanacheEntityBase {

    @Id
    public UUID id;
    public String kind;
    public UUID recipientUserId;
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, String> facts;
    public Instant createdAt;
    public int attempts;
    public Instant nextAttemptAt;
    public String lastError;
    public Instant relayedAt;
}
