package org.portal.sections.records;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.SqlTypes;
import org.portal.sections.config.JsonTreeMutability;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A record of any section: its values live in {@code data}, checked against the section's definition. */
@Entity
@Table(name = "records")
public class RecordEntity extends PanacheEntityBase {

    @Id
    public UUID id;
    public String sectionCode;
    public UUID accountId;
    public UUID ownerUserId;
    public UUID contactUserId;
    public String createdBy;
    public String status;
    public Instant statusChangedAt;
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(JsonTreeMutability.class)
    public ObjectNode data;
    public String searchText;
    public Instant createdAt;
    public Instant updatedAt;
    @Version
    public long version;
}
