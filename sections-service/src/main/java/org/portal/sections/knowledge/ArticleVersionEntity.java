package org.portal.sections.knowledge;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One version of an article's text, kept as it was written. */
@Entity
@Table(name = "knowledge_article_versions")
@IdClass(ArticleVersionEntity.Key.class)
public class ArticleVersionEntity extends PanacheEntityBase {

    public record Key(UUID articleId, long version) implements Serializable {
    }

    @Id
    public UUID articleId;
    @Id
    public long version;
    public String title;
    public String body;
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<String> tags;
    public String language;
    public String writtenBy;
    public Instant writtenAt;
}
