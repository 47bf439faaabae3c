package org.portal.sections.knowledge;

import java.time.Instant;
import java.util.UUID;

/** A reader's "not helpful" comment on an article, open until an agent marks it done. */
public record FeedbackTask(UUID id, UUID articleId, String articleTitle, String subject, String comment, Instant createdAt,
        Instant doneAt, String doneBy) {
}
