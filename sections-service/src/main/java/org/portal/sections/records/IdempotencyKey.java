package org.portal.sections.records;

import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A create that carried an Idempotency-Key, so that its retry answers with the same record. */
@Entity
@Table(name = "idempotency_keys")
public class IdempotencyKey extends PanacheEntityBase {

    @Embeddable
    public record Id(String subject, String key) implements Serializable {
    }

    @EmbeddedId
    public Id id;
    public String sectionCode;
    public String requestHash;
    public UUID recordId;
    public Instant createdAt;
}
