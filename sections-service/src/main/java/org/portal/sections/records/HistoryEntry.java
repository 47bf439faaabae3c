package org.portal.sections.records;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.Mutability;
import org.hibernate.type.SqlTypes;
import org.portal.sections.config.JsonTreeMutability;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One change to a record: who, when, which fields from what to what. Never changed. */
@Entity
@Table(name = "record_history")
public class HistoryEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public UUID recordId;
    public Instant at;
    public String actor;
    public String action;
    @JdbcTypeCode(SqlTypes.JSON)
    @Mutability(JsonTreeMutability.class)
    public ObjectNode changes;
}
