package org.portal.sections.webhooks;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@Table(name = "webhook_endpoints")
public class WebhookEndpoint extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID accountId;
    public String url;
    public String secret;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> events;
    public boolean enabled;
    public String disabledReason;
    public int consecutiveFailures;
    public String createdBy;
    public UUID createdByUserId;
    public Instant createdAt;
    @Version
    public long version;
}
