package org.portal.sections.cases;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.portal.problem.ProblemException;
import org.portal.problem.ProblemType;
import org.portal.sections.access.Viewer;
import org.portal.sections.definitions.Section;
import org.portal.sections.definitions.Sections;
import org.portal.sections.lifecycles.TransitionService;
import org.portal.sections.records.Cursors;
import org.portal.sections.records.RecordEntity;
import org.portal.sections.records.RecordService;
import org.portal.sections.records.RecordView;

/**
 * Feedback on a case's resolution from its contact (the user the case names as contact, else the one
 * who opened it): one rating while it is resolved or within {@code portal.cases.rating-window} of its
 * closing, and rejections of a resolution, each of which reopens the case by its lifecycle's
 * {@code reopen} rules.
 */
@ApplicationScoped
public class CaseFeedbackService {

    public static final ProblemType NOT_THE_CONTACT = new ProblemType("not-the-contact",
            "Only the case's contact gives feedback on it", 403);
    public static final ProblemType FEEDBACK_CLOSED = new ProblemType("feedback-closed",
            "The case is not waiting for feedback", 409);
    public static final ProblemType ALREADY_RATED = new ProblemType("already-rated", "The case is rated already", 409);
    static final String RESOLVED = "resolved";
    static final String CLOSED = "closed";
    static final String REOPENED = "in-progress";
    public static final int MAX_PAGE = 200;

    private final Sections sections;
    private final RecordService records;
    private final TransitionService transitions;
    private final EntityManager em;
    private final Clock clock;
    private final Duration ratingWindow;

    public CaseFeedbackService(Sections sections, RecordService records, TransitionService transitions, EntityManager em,
            Clock clock, @ConfigProperty(name = "portal.cases.rating-window") Duration ratingWindow) {
        this.sections = sections;
        this.records = records;
        this.transitions = transitions;
        this.em = em;
        this.clock = clock;
        this.ratingWindow = ratingWindow;
    }

    /** Rates the case once; the case row is locked, so of two ratings sent at once the second is refused. */
    @Transactional
    public RatingView rate(Viewer viewer, UUID caseId, NewRating rating) {
        RecordEntity record = records.reachable(cases(), viewer, caseId, LockModeType.PESSIMISTIC_WRITE);
        requireContact(viewer, record);
        boolean open = RESOLVED.equals(record.status) || CLOSED.equals(record.status)
                && !Instant.now(clock).isAfter(record.statusChangedAt.plus(ratingWindow));
        if (!open) {
            throw new ProblemException(FEEDBACK_CLOSED, "A case is rated once it is resolved, and until "
                    + ratingWindow.toDays() + " days after it closed; this one is " + record.status,
                    Map.of("state", record.status));
        }
        if (rating(caseId) != null) {
            throw new ProblemException(ALREADY_RATED, "The case was rated already; a rating is given once");
        }
        Instant now = Instant.now(clock);
        String comment = rating.comment() == null || rating.comment().isBlank() ? null : rating.comment().strip();
        em.createNativeQuery("""
                insert into case_ratings (case_id, account_id, user_id, rating, comment, rated_at)
                values (:case, :account, :user, :rating, :comment, :at)""")
                .setParameter("case", caseId).setParameter("account", record.accountId).setParameter("user", viewer.userId())
                .setParameter("rating", rating.rating()).setParameter("comment", comment)
                .setParameter("at", Timestamp.from(now)).executeUpdate();
        return new RatingView(caseId, record.accountId, viewer.userId(), rating.rating(), comment, now);
    }

    /** Rejects the resolution: the case reopens (within the lifecycle's window) and the reason is kept. */
    @Transactional
    public RecordView reject(Viewer viewer, UUID caseId, ResolutionRejection rejection) {
        Section cases = cases();
        RecordEntity record = records.reachable(cases, viewer, caseId, LockModeType.PESSIMISTIC_WRITE);
        requireContact(viewer, record);
        if (!RESOLVED.equals(record.status)) {
            throw new ProblemException(FEEDBACK_CLOSED, "Only a resolved case's resolution can be rejected; this one is "
                    + record.status, Map.of("state", record.status));
        }
        RecordView reopened = transitions.take(cases, viewer, caseId, REOPENED, null);
        em.createNativeQuery("""
                insert into case_rejections (case_id, user_id, comment, rejected_at) values (:case, :user, :comment, :at)""")
                .setParameter("case", caseId).setParameter("user", viewer.userId())
                .setParameter("comment", rejection.comment().strip()).setParameter("at", Timestamp.from(Instant.now(clock)))
                .executeUpdate();
        return reopened;
    }

    /** The case's rating and rejections, for anyone who reaches the case. */
    @Transactional
    public CaseFeedbackView feedback(Viewer viewer, UUID caseId) {
        records.reachable(cases(), viewer, caseId);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                "select user_id, comment, rejected_at from case_rejections where case_id = :case order by id")
                .setParameter("case", caseId).getResultList();
        return new CaseFeedbackView(rating(caseId),
                rows.stream().map(r -> new RejectionView((UUID) r[0], (String) r[1], instant(r[2]))).toList());
    }

    /** Ratings newest first, for agents: of one account or all, rated in [from, to). */
    @Transactional
    public RatingPage ratings(UUID accountId, Instant from, Instant to, String cursor, int limit) {
        StringBuilder where = new StringBuilder("true");
        List<Object[]> parameters = new ArrayList<>();
        if (accountId != null) {
            where.append(" and account_id = :account");
            parameters.add(new Object[] { "account", accountId });
        }
        if (from != null) {
            where.append(" and rated_at >= :from");
            parameters.add(new Object[] { "from", Timestamp.from(from) });
        }
        if (to != null) {
            where.append(" and rated_at < :to");
            parameters.add(new Object[] { "to", Timestamp.from(to) });
        }
        if (cursor != null) {
            String[] parts = Cursors.decode(cursor, 2);
            try {
                parameters.add(new Object[] { "beforeAt", Timestamp.from(Instant.parse(parts[0])) });
                parameters.add(new Object[] { "beforeId", UUID.fromString(parts[1]) });
            } catch (RuntimeException e) {
                throw Cursors.invalid();
            }
            where.append(" and (rated_at, case_id) < (:beforeAt, :beforeId)");
        }
        Query query = em.createNativeQuery("select case_id, account_id, user_id, rating, comment, rated_at from case_ratings"
                + " where " + where + " order by rated_at desc, case_id desc limit :limit");
        parameters.forEach(p -> query.setParameter((String) p[0], p[1]));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.setParameter("limit", limit + 1).getResultList();
        List<RatingView> items = rows.stream().limit(limit).map(CaseFeedbackService::ratingView).toList();
        String next = rows.size() > limit
                ? Cursors.encode(items.get(limit - 1).ratedAt().toString(), items.get(limit - 1).caseId().toString())
                : null;
        return new RatingPage(items, limit, next);
    }

    /** Cases rated and their average rating per account and month (UTC), for ratings in the months from and to fall in. */
    @Transactional
    public List<MonthlyRating> monthlyRatings(LocalDate from, LocalDate to, UUID accountId) {
        Query query = em.createNativeQuery("""
                select account_id, cast(date_trunc('month', rated_at at time zone 'UTC') as date), count(*), avg(rating)
                from case_ratings
                where rated_at >= cast(date_trunc('month', cast(:from as date)) as date) at time zone 'UTC'
                  and rated_at < cast(date_trunc('month', cast(:to as date)) + interval '1 month' as date) at time zone 'UTC'
                  and (cast(:account as uuid) is null or account_id = cast(:account as uuid))
                group by 1, 2""").setParameter("from", java.sql.Date.valueOf(from))
                .setParameter("to", java.sql.Date.valueOf(to))
                .setParameter("account", accountId == null ? null : accountId.toString());
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream()
                .map(r -> new MonthlyRating((UUID) r[0], r[1] instanceof LocalDate d ? d : ((java.sql.Date) r[1]).toLocalDate(),
                        ((Number) r[2]).longValue(), ((Number) r[3]).doubleValue()))
                .toList();
    }

    /** An account's rated cases in a month (by its first day) and their average rating. */
    public record MonthlyRating(UUID accountId, LocalDate month, long ratings, double average) {
    }

    private RatingView rating(UUID caseId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                "select case_id, account_id, user_id, rating, comment, rated_at from case_ratings where case_id = :case")
                .setParameter("case", caseId).getResultList();
        return rows.isEmpty() ? null : ratingView(rows.get(0));
    }

    private static RatingView ratingView(Object[] r) {
        return new RatingView((UUID) r[0], (UUID) r[1], (UUID) r[2], ((Number) r[3]).intValue(), (String) r[4], instant(r[5]));
    }

    private static void requireContact(Viewer viewer, RecordEntity record) {
        UUID contact = record.contactUserId != null ? record.contactUserId : record.ownerUserId;
        if (viewer.staff() || !viewer.userId().equals(contact)) {
            throw new ProblemException(NOT_THE_CONTACT, "Feedback on a case comes from its contact, the portal user it names");
        }
    }

    private Section cases() {
        return sections.require(CommentService.CASES);
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime time) {
            return time.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }
}
