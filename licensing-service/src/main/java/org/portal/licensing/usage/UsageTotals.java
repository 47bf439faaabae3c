package org.portal.licensing.usage;

import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Writes daily counts and refusals and moves the report totals ({@code daily_totals},
 * {@code monthly_usage}, {@code monthly_totals}, {@code monthly_active_users}) by exactly what changed, in the caller's
 * transaction. Each changed day of a
 * user takes its old contribution (old count, refusals, one active user, under the old account,
 * edition and license) out of the totals and puts the new one in, so a count that grows, an
 * administrator's correction and a day whose account becomes known later all keep the totals equal to
 * the daily rows. Writers are serialized by one advisory lock: gateways copy once a minute each.
 */
@ApplicationScoped
class UsageTotals {

    // A user counts as active in a month under a group (an account, edition or license) while their
    // calls of that month under it are above zero: from each changed user-month's calls per group
    // before this statement (monthly_usage as it was) and the change, the groups they entered or left.
    private static final String ACTIVE_USERS = """
            groups as (
              select mm.user_id, mm.month, g.dimension, g.grp, sum(mm.calls) as change
              from month_moved mm
              cross join lateral (values ('account', cast(mm.account_id as text)), ('edition', mm.edition),
                                         ('license', mm.license_id)) as g (dimension, grp)
              group by 1, 2, 3, 4),
            entered as (
              select g.month, g.dimension, g.grp, g.change,
                     coalesce((select sum(m.calls) from monthly_usage m where m.user_id = g.user_id and m.month = g.month
                               and case g.dimension when 'account' then cast(m.account_id as text)
                                                    when 'edition' then m.edition else m.license_id end
                                   is not distinct from g.grp), 0) as before
              from groups g where g.change <> 0),
            active as (
              insert into monthly_active_users as a (month, dimension, grp, users)
              select month, dimension, grp,
                     sum(case when before <= 0 and before + change > 0 then 1
                              when before > 0 and before + change <= 0 then -1 else 0 end)
              from entered group by month, dimension, grp
              having sum(case when before <= 0 and before + change > 0 then 1
                              when before > 0 and before + change <= 0 then -1 else 0 end) <> 0
              on conflict (month, dimension, grp) do update set users = a.users + excluded.users)
            """;

    // :rows is a JSON array of {user_id, day, calls, account_id, edition, license_id}. CTEs see one
    // snapshot: "old" is each row before this statement's upsert.
    private static final String CALLS = """
            with input as (
              select * from jsonb_to_recordset(cast(:rows as jsonb))
                as t(user_id uuid, day date, calls int, account_id uuid, edition text, license_id text)),
            old as (
              select d.user_id, d.day, d.calls, d.account_id, d.edition, d.license_id,
                     coalesce((select sum(r.refused) from daily_refusals r where r.user_id = d.user_id and r.day = d.day), 0) as refused
              from daily_usage d join input i on d.user_id = i.user_id and d.day = i.day),
            up as (
              insert into daily_usage as d (user_id, day, calls, account_id, edition, license_id, updated_at)
              select user_id, day, calls, account_id, edition, license_id, now() from input
              on conflict (user_id, day) do update set
                calls = case when :exact then excluded.calls else greatest(d.calls, excluded.calls) end,
                account_id = coalesce(d.account_id, excluded.account_id),
                edition = coalesce(d.edition, excluded.edition),
                license_id = coalesce(d.license_id, excluded.license_id),
                updated_at = now()
              returning user_id, day, calls, account_id, edition, license_id),
            moved as (
              select old.user_id, old.day, old.account_id, old.edition, old.license_id,
                     -old.calls as calls, -old.refused as refused, -(case when old.calls > 0 then 1 else 0 end) as users from old
              union all
              select up.user_id, up.day, up.account_id, up.edition, up.license_id,
                     up.calls, coalesce(old.refused, 0), case when up.calls > 0 then 1 else 0 end
              from up left join old on old.user_id = up.user_id and old.day = up.day),
            days as (
              insert into daily_totals as t (day, account_id, edition, license_id, calls, refused, active_users)
              select day, account_id, edition, license_id, sum(calls), sum(refused), sum(users) from moved
              group by day, account_id, edition, license_id
              having sum(calls) <> 0 or sum(refused) <> 0 or sum(users) <> 0
              on conflict (day, account_id, edition, license_id) do update set calls = t.calls + excluded.calls,
                refused = t.refused + excluded.refused, active_users = t.active_users + excluded.active_users),
            month_moved as (
              select user_id, cast(date_trunc('month', day) as date) as month, account_id, edition, license_id,
                     sum(calls) as calls, sum(refused) as refused
              from moved group by 1, 2, 3, 4, 5 having sum(calls) <> 0 or sum(refused) <> 0),
            months as (
              insert into monthly_totals as t (month, account_id, edition, license_id, calls, refused)
              select month, account_id, edition, license_id, sum(calls), sum(refused) from month_moved
              group by month, account_id, edition, license_id
              on conflict (month, account_id, edition, license_id) do update set calls = t.calls + excluded.calls,
                refused = t.refused + excluded.refused),
            """
            + ACTIVE_USERS
            + """
                    insert into monthly_usage as m (user_id, month, account_id, edition, license_id, calls, refused)
                    select user_id, month, account_id, edition, license_id, calls, refused from month_moved
                    on conflict (user_id, month, account_id, edition, license_id) do update set calls = m.calls + excluded.calls,
                      refused = m.refused + excluded.refused""";

    // :rows is a JSON array of {gateway_id, user_id, day, refused}: each gateway's running total.
    private static final String REFUSALS = """
            with input as (
              select * from jsonb_to_recordset(cast(:rows as jsonb))
                as t(gateway_id text, user_id uuid, day date, refused int)),
            old as (
              select r.gateway_id, r.user_id, r.day, r.refused
              from daily_refusals r join input i using (gateway_id, user_id, day)),
            up as (
              insert into daily_refusals as r (gateway_id, user_id, day, refused)
              select gateway_id, user_id, day, refused from input
              on conflict (gateway_id, user_id, day) do update set refused = greatest(r.refused, excluded.refused)
              returning gateway_id, user_id, day, refused),
            added as (
              select up.user_id, up.day, d.account_id, d.edition, d.license_id, sum(up.refused - coalesce(old.refused, 0)) as refused
              from up left join old using (gateway_id, user_id, day)
              left join daily_usage d on d.user_id = up.user_id and d.day = up.day
              group by 1, 2, 3, 4, 5 having sum(up.refused - coalesce(old.refused, 0)) <> 0),
            days as (
              insert into daily_totals as t (day, account_id, edition, license_id, calls, refused, active_users)
              select day, account_id, edition, license_id, 0, sum(refused), 0 from added
              group by day, account_id, edition, license_id
              on conflict (day, account_id, edition, license_id) do update set refused = t.refused + excluded.refused),
            months as (
              insert into monthly_totals as t (month, account_id, edition, license_id, calls, refused)
              select cast(date_trunc('month', day) as date), account_id, edition, license_id, 0, sum(refused) from added
              group by 1, 2, 3, 4
              on conflict (month, account_id, edition, license_id) do update set refused = t.refused + excluded.refused)
            insert into monthly_usage as m (user_id, month, account_id, edition, license_id, calls, refused)
            select user_id, cast(date_trunc('month', day) as date), account_id, edition, license_id, 0, sum(refused)
            from added group by 1, 2, 3, 4, 5
            on conflict (user_id, month, account_id, edition, license_id) do update set refused = m.refused + excluded.refused""";

    private final EntityManager em;
    private final ObjectMapper json;

    UsageTotals(EntityManager em, ObjectMapper json) {
        this.em = em;
        this.json = json;
    }

    /** Serializes writers of counts and totals until the transaction ends. */
    void lock() {
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext('usage-totals'))").getSingleResult();
    }

    /** At most one count per user and day; {@code exact} sets each count, otherwise the higher one is kept. */
    void recordCalls(Collection<UsageCount> counts, boolean exact) {
        if (counts.isEmpty()) {
            return;
        }
        List<CallsRow> rows = counts.stream().map(c -> new CallsRow(c.userId().toString(), c.day().toString(), c.calls(),
                c.accountId() == null ? null : c.accountId().toString(), c.edition(), c.licenseId())).toList();
        em.createNativeQuery(CALLS).setParameter("rows", write(rows)).setParameter("exact", exact).executeUpdate();
    }

    void recordRefusals(List<UsageCount> counts) {
        if (counts.isEmpty()) {
            return;
        }
        List<RefusalsRow> rows = counts.stream()
                .map(c -> new RefusalsRow(c.gatewayId(), c.userId().toString(), c.day().toString(), c.refused())).toList();
        em.createNativeQuery(REFUSALS).setParameter("rows", write(rows)).executeUpdate();
    }

    private String write(Object rows) {
        try {
            return json.writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private record CallsRow(@JsonProperty("user_id") String userId, String day, int calls,
            @JsonProperty("account_id") String accountId, String edition, @JsonProperty("license_id") String licenseId) {
    }

    private record RefusalsRow(@JsonProperty("gateway_id") String gatewayId, @JsonProperty("user_id") String userId,
            String day, int refused) {
    }
}
