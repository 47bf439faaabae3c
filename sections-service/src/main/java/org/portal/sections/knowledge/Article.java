package org.portal.sections.knowledge;

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

/** A knowledge base article written by an agent; portal users read the published ones. */
@Entity
@Table(name = "knowledge_articles")
public class Article extends PanacheEntityBase {

    @Id
    public UUID id;
    public String title;
    public String body;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> tags;
    public boolean published;
    public String language;
    public long views;
    public String createdBy;
    public Instant createdAt;
    public Instant updatedAt;
    @Version
    public long version;
}
