package org.portal.licensing.usage;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.portal.audit.AuditTrail;

@ApplicationScoped
public class UsageStore {

    private final EntityManager em;
    private final Clock clock;
    private final AuditTrail audit;
    private final UsageTotals totals;

    public UsageStore(EntityManager em, Clock clock, AuditTrail audit, UsageTotals totals) {
        this.totals = totals;
        this.audit = audit;
        this.em = em;
        this.clock = clock;
    }

    /**
     * Keeps the highest count seen for each user and day: after a Redis loss a gateway counts from
     * zero again, and its smaller numbers must not erase the history. Refusals are kept per gateway the
     * same way. The report totals move with every change in the same transaction.
     */
    @Transactional
    public void record(List<UsageCount> counts) {
        Map<String, UsageCount> byUserDay = new LinkedHashMap<>();
        counts.forEach(count -> byUserDay.merge(count.userId() + "/" + count.day(), count,
                (a, b) -> a.calls() >= b.calls() ? a : b));
        totals.lock();
        totals.recordCalls(byUserDay.values(), false);
        totals.recordRefusals(counts.stream().filter(count -> count.refused() != null && count.gatewayId() != null).toList());
    }

    @Transactional
    public List<UsageCount> days(UUID userId, LocalDate from, LocalDate to) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(
                "select day, calls from daily_usage where user_id = :user and day between :from and :to order by day")
                .setParameter("user", userId).setParameter("from", Date.valueOf(from)).setParameter("to", Date.valueOf(to))
                .getResultList();
        return rows.stream().map(r -> new UsageCount(userId, day(r[0]), ((Number) r[1]).intValue())).toList();
    }

    /** Sets a count, whatever it was, and keeps who did it, why, and the count before. */
    @Transactional
    public AdjustmentView adjust(Adjustment adjustment) {
        totals.lock();
        @SuppressWarnings("unchecked")
        List<Number> before = em.createNativeQuery("select calls from daily_usage where user_id = :user and day = :day")
                .setParameter("user", adjustment.userId()).setParameter("day", Date.valueOf(adjustment.day())).getResultList();
        int callsBefore = before.isEmpty() ? 0 : before.get(0).intValue();
        totals.recordCalls(List.of(new UsageCount(adjustment.userId(), adjustment.day(), adjustment.calls())), true);
        Number id = (Number) em.createNativeQuery("""
                insert into usage_adjustments (user_id, day, calls_before, calls_after, actor, reason, at)
                values (:user, :day, :before, :after, :actor, :reason, :at) returning id""")
                .setParameter("user", adjustment.userId()).setParameter("day", Date.valueOf(adjustment.day()))
                .setParameter("before", callsBefore).setParameter("after", adjustment.calls())
                .setParameter("actor", adjustment.actor()).setParameter("reason", adjustment.reason())
                .setParameter("at", java.sql.Timestamp.from(clock.instant())).getSingleResult();
        audit.recordOnBehalfOf(adjustment.actor(), "usage.adjusted", "daily-usage",
                adjustment.userId() + "/" + adjustment.day(), null, Map.of("calls", callsBefore),
                Map.of("calls", adjustment.calls(), "reason", adjustment.reason()));
        return new AdjustmentView(id.longValue(), adjustment.userId(), adjustment.day(), callsBefore, adjustment.calls(),
                adjustment.actor(), adjustment.reason(), clock.instant());
    }

    @Transactional
    public List<AdjustmentView> adjustments(UUID userId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                select id, day, calls_before, calls_after, actor, reason, at from usage_adjustments
                where user_id = :user order by id desc""").setParameter("user", userId).getResultList();
        return rows.stream().map(r -> new AdjustmentView(((Number) r[0]).longValue(), userId, day(r[1]),
                ((Number) r[2]).intValue(), ((Number) r[3]).intValue(), (String) r[4], (String) r[5],
                instant(r[6]))).toList();
    }

    // Native queries answer with java.time or java.sql types depending on the driver's mapping.
    private static LocalDate day(Object value) {
        return value instanceof LocalDate date ? date : ((Date) value).toLocalDate();
    }

    private static java.time.Instant instant(Object value) {
        if (value instanceof java.time.Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime time) {
            return time.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }
}
