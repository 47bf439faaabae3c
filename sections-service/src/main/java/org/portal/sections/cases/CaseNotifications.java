package org.portal.sections.cases;

import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.portal.sections.lifecycles.RecordMoved;
import org.portal.sections.notifications.Notifications;
import org.portal.sections.records.RecordEntity;

/**
 * Who hears about a case, and when: its contact (the portal user staff named, else the one who
 * opened it) gets support's answers and the news that it is resolved; nobody hears of internal notes.
 */
@ApplicationScoped
public class CaseNotifications {

    static final String RESOLVED = "resolved";
    private static final int EXCERPT = 500;

    private final Notifications notifications;

    public CaseNotifications(Notifications notifications) {
        this.notifications = notifications;
    }

    void answered(RecordEntity record, CaseComment comment) {
        UUID contact = contactOf(record);
        if (contact != null && !comment.internal) {
            notifications.tell(contact, Notifications.Kind.CASE_COMMENT, Map.of("subject", subjectOf(record), "excerpt",
                    Notifications.excerpt(comment.body, EXCERPT), "path", "/cases/" + record.id));
        }
    }

    void onMove(@Observes RecordMoved moved) {
        UUID contact = contactOf(moved.record());
        if (CommentService.CASES.equals(moved.section().code()) && RESOLVED.equals(moved.to()) && moved.by().staff()
                && contact != null) {
            notifications.tell(contact, Notifications.Kind.CASE_RESOLVED,
                    Map.of("subject", subjectOf(moved.record()), "path", "/cases/" + moved.record().id));
        }
    }

    private static UUID contactOf(RecordEntity record) {
        return record.contactUserId != null ? record.contactUserId : record.ownerUserId;
    }

    private static String subjectOf(RecordEntity record) {
        return record.data.path("subject").asText("");
    }
}
