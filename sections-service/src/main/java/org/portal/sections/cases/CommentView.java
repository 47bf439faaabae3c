package org.portal.sections.cases;

import java.time.Instant;
import java.util.UUID;

/**
 * A comment as the API shows it: {@code authorRole} is portal-user, agent or admin; {@code authorUserId} names a portal user.
 */
public record CommentView(UUID id, String authorSubject, UUID authorUserId, String authorRole, boolean internal, String body,
        Instant createdAt) {

    static CommentView from(CaseComment c) {
        return new CommentView(c.id, c.authorSubject, c.authorUserId, c.authorRole, c.internal, c.body, c.createdAt);
    }
}
