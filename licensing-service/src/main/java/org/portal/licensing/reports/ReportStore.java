package org.portal.licensing.reports;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

/**
 * Usage and seat reports, read from the totals that usage/UsageTotals keeps as counts arrive: a day
 * report reads one row per day and group, a month report one row per month and group (with the
 * month's active users kept per group), never the daily rows of a year.
 */
@ApplicationScoped
public class ReportStore {

    private final EntityManager em;

    public ReportStore(EntityManager em) {
        this.em = em;
    }

    @Transactional
    public List<UsageReportRow> usage(ReportGrouping by, ReportPeriod period, LocalDate from, LocalDate to, UUID accountId) {
        String account = accountId == null ? "" : " and account_id = :account";
        String months = " where month between cast(date_trunc('month', cast(:from as date)) as date) and :to";
        String sql;
        if (period == ReportPeriod.DAY) {
            sql = "select day, " + by.column + ", sum(calls), sum(refused), sum(active_users) from daily_totals"
                    + " where day between :from and :to" + account + " group by 1, 2 order by 1, 2";
        } else if (accountId == null || by == ReportGrouping.ACCOUNT) {
            // The month's active users per group are kept per dimension, so they serve any group of one dimension.
            // Groups are joined as coalesce(grp, ''), which a hash join can take (no group is empty; null is unknown).
            sql = "select t.month, t.grp, t.calls, t.refused, coalesce(a.users, 0) from (select month, " + by.column
                    + " as grp, sum(calls) as calls, sum(refused) as refused from monthly_totals" + months + account
                    + " group by 1, 2 having sum(calls) <> 0 or sum(refused) <> 0) t"
                    + " left join monthly_active_users a on a.month = t.month and a.dimension = '" + by.dimension()
                    + "' and coalesce(a.grp, '') = coalesce(t.grp, '') order by 1, 2";
        } else {
            // An edition or license within one account: that account's user-months, a few hundred rows a year.
            sql = "select month, " + by.column + ", sum(calls), sum(refused), count(distinct user_id) filter (where calls > 0)"
                    + " from monthly_usage" + months + account + " group by 1, 2 order by 1, 2";
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = bind(em.createNativeQuery(sql), from, to, accountId).getResultList();
        return rows.stream().map(r -> new UsageReportRow(day(r[0]), r[1] == null ? "" : r[1].toString(), number(r[2]),
                number(r[3]), number(r[4]))).toList();
    }

    @Transactional
    public List<TopUser> topUsers(LocalDate from, LocalDate to, UUID accountId, int limit) {
        String account = accountId == null ? "" : " and account_id = :account";
        @SuppressWarnings("unchecked")
        List<Object[]> rows = bind(em.createNativeQuery(
                "select user_id, (array_agg(account_id order by month desc))[1], sum(calls), sum(refused) from monthly_usage"
                        + " where month between cast(date_trunc('month', cast(:from as date)) as date) and :to" + account
                        + " group by user_id having sum(calls) > 0 or sum(refused) > 0 order by 3 desc, 1 limit :limit"),
                from, to, accountId)
                .setParameter("limit", limit).getResultList();
        return rows.stream().map(r -> new TopUser((UUID) r[0], (UUID) r[1], number(r[2]), number(r[3]))).toList();
    }

    @Transactional
    public List<SeatReportRow> seats(ReportGrouping by, UUID accountId) {
        String sql = switch (by) {
            case LICENSE -> """
                    select l.id, l.edition_code, l.seats, count(s.user_id) filter (where not s.over_limit),
                           count(s.user_id) filter (where s.over_limit)
                    from licenses l left join seats s on s.license_id = l.id group by l.id order by l.id""";
            case EDITION -> """
                    select l.edition_code, l.edition_code, sum(l.seats), sum(c.given), sum(c.over)
                    from licenses l join (select l2.id, count(s.user_id) filter (where not s.over_limit) as given,
                                                 count(s.user_id) filter (where s.over_limit) as over
                                          from licenses l2 left join seats s on s.license_id = l2.id group by l2.id) c
                      on c.id = l.id
                    group by l.edition_code order by l.edition_code""";
            case ACCOUNT -> """
                    select cast(b.account_id as text), b.edition_code, b.seats,
                           count(s.user_id) filter (where not s.over_limit), count(s.user_id) filter (where s.over_limit)
                    from seat_budgets b
                    left join (seats s join licenses l on l.id = s.license_id)
                      on s.budget_account_id = b.account_id and l.edition_code = b.edition_code
                    where cast(:account as uuid) is null or b.account_id = cast(:account as uuid)
                    group by b.account_id, b.edition_code, b.seats order by 1, 2""";
        };
        Query query = em.createNativeQuery(sql);
        if (by == ReportGrouping.ACCOUNT) {
            query.setParameter("account", accountId == null ? null : accountId.toString());
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(r -> {
            long seats = number(r[2]);
            long given = number(r[3]);
            return new SeatReportRow(r[0].toString(), r[1].toString(), seats, given, Math.max(0, seats - given), number(r[4]));
        }).toList();
    }

    private static Query bind(Query query, LocalDate from, LocalDate to, UUID accountId) {
        query.setParameter("from", Date.valueOf(from)).setParameter("to", Date.valueOf(to));
        return accountId == null ? query : query.setParameter("account", accountId);
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static LocalDate day(Object value) {
        return value instanceof LocalDate date ? date : ((Date) value).toLocalDate();
    }
}
