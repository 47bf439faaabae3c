package org.portal.sections.definitions;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@Table(name = "section_definitions")
public class SectionDefinition extends PanacheEntityBase {

    public static final String KNOWLEDGE_BASE = "knowledge-base";
    public static final String CASES = "cases";

    @Id
    public String code;
    public String title;
    public String module;
    public boolean custom;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> editions;
    @JdbcTypeCode(SqlTypes.JSON)
    public List<FieldDefinition> fields;
    /** Null for a section whose records have no states. */
    @JdbcTypeCode(SqlTypes.JSON)
    public Lifecycle lifecycle;
    public boolean takesFiles;
    public Instant createdAt;
    public Instant updatedAt;
    @Version
    public long version;
}
