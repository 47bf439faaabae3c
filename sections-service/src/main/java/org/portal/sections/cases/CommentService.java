package org.portal.sections.cases;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.portal.problem.InvalidFields;
import org.portal.problem.Problem;
import org.portal.problem.ProblemException;
import org.portal.sections.access.Actor;
import org.portal.sections.access.Viewer;
import org.portal.sections.definitions.Section;
import org.portal.sections.definitions.Sections;
import org.portal.sections.records.Cursors;
import org.portal.sections.records.RecordEntity;
import org.portal.sections.records.RecordService;
import org.portal.sections.webhooks.Webhooks;

/**
 * The conversation on a case between its portal users and agents. Internal notes are for staff:
 * a portal user's list never holds them, and neither the record nor its history says they exist.
 */
@ApplicationScoped
public class CommentService {

    public static final String CASES = "cases";
    public static final int MAX_PAGE = 200;

    private final Sections sections;
    private final RecordService records;
    private final EntityManager em;
    private final Clock clock;

    private final Webhooks webhooks;
    private final CaseNotifications caseNotifications;

    public CommentService(Sections sections, RecordService records, EntityManager em, Clock clock,
            CaseNotifications caseNotifications, Webhooks webhooks) {
        this.webhooks = webhooks;
        this.caseNotifications = caseNotifications;
        this.sections = sections;
        this.records = records;
        this.em = em;
        this.clock = clock;
    }

    @Transactional
    public CommentPage list(Viewer viewer, UUID caseId, String cursor, int limit) {
        records.reachable(sections.require(CASES), viewer, caseId);
        StringBuilder where = new StringBuilder("recordId = :record");
        if (!viewer.staff()) {
            where.append(" and internal = false");
        }
        Instant afterAt = null;
        UUID afterId = null;
        if (cursor != null) {
            String[] parts = Cursors.decode(cursor, 2);
            try {
                afterAt = Instant.parse(parts[0]);
                afterId = UUID.fromString(parts[1]);
            } catch (RuntimeException e) {
                throw Cursors.invalid();
            }
            where.append(" and (createdAt > :at or (createdAt = :at and id > :id))");
        }
        var query = em.createQuery("from CaseComment where " + where + " order by createdAt, id", CaseComment.class)
                .setParameter("record", caseId).setMaxResults(limit + 1);
        if (cursor != null) {
            query.setParameter("at", afterAt).setParameter("id", afterId);
        }
        List<CaseComment> rows = query.getResultList();
        boolean more = rows.size() > limit;
        List<CaseComment> page = more ? rows.subList(0, limit) : rows;
        String next = null;
        if (more) {
            CaseComment last = page.get(page.size() - 1);
            next = Cursors.encode(last.createdAt.toString(), last.id.toString());
        }
        return new CommentPage(page.stream().map(CommentView::from).toList(), limit, next);
    }

    /** Adds a comment; a case whose state is locked (closed, cancelled) takes no more. The case itself is not touched. */
    @Transactional
    public CommentView add(Viewer viewer, UUID caseId, NewComment comment) {
        if (comment.internal() && !viewer.staff()) {
            throw new InvalidFields(List.of(new Problem.FieldError("internal", "only staff write internal notes")));
        }
        Section cases = sections.require(CASES);
        // Shared lock: a case being closed at this moment waits for the comment, or the comment sees it closed.
        RecordEntity record = records.reachable(cases, viewer, caseId, LockModeType.PESSIMISTIC_READ);
        if (cases.locked(record.status)) {
            throw new ProblemException(RecordService.RECORD_LOCKED, "The case is " + record.status
                    + "; reopen it or open a new case to continue the conversation");
        }
        CaseComment entity = new CaseComment();
        entity.id = UUID.randomUUID();
        entity.recordId = caseId;
        entity.authorSubject = viewer.subject();
        entity.authorUserId = viewer.userId();
        Actor role = !viewer.staff() ? Actor.PORTAL_USER : viewer.actors().contains(Actor.AGENT) ? Actor.AGENT : Actor.ADMIN;
        entity.authorRole = role.code();
        entity.internal = comment.internal();
        entity.body = comment.body().strip();
        entity.createdAt = Instant.now(clock);
        entity.persist();
        if (viewer.staff()) {
            caseNotifications.answered(record, entity);
        }
        if (!entity.internal) {
            webhooks.commentAdded(record, entity.id, entity.body, entity.authorRole, entity.createdAt);
        }
        return CommentView.from(entity);
    }
}
