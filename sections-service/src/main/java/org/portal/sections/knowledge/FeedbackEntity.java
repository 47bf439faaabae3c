package org.portal.sections.knowledge;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A feedback task as stored (see {@link KnowledgeFeedback}). */
@Entity
@Table(name = "knowledge_feedback")
public class FeedbackEntity extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID articleId;
    public String subject;
    public String comment;
    public Instant createdAt;
    public Instant doneAt;
    public String doneBy;
}
