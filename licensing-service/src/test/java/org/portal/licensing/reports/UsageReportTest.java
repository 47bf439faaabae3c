package org.portal.licensing.reports;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.junit.jupiter.api.Test;
import org.portal.testsupport.TestTokens;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Gateways' copies arrive as they do in production (repeated, growing, from several gateways, some
 * without knowing the account); the report totals stay equal to the daily rows and the reports add up.
 */
@QuarkusTest
class UsageReportTest {

    private static final String GATEWAY = TestTokens.of("service-gateway", "portal-service");
    private static final LocalDate MARCH_1 = LocalDate.of(2019, 3, 1);

    @Inject
    EntityManager em;

    private static Map<String, Object> count(UUID user, LocalDate day, int calls, UUID account, String license) {
        Map<String, Object> count = new HashMap<>(Map.of("userId", user, "day", day.toString(), "calls", calls));
        if (account != null) {
            count.putAll(Map.of("accountId", account, "edition", "customer", "licenseId", license));
        }
        return count;
    }

    private static Map<String, Object> refused(Map<String, Object> count, String gateway, int refused) {
        Map<String, Object> withRefusals = new HashMap<>(count);
        withRefusals.putAll(Map.of("gatewayId", gateway, "refused", refused));
        return withRefusals;
    }

    private static void copy(List<Map<String, Object>> counts) {
        given().auth().oauth2(GATEWAY).contentType("application/json").body(counts).put("/internal/usage").then()
                .statusCode(204);
    }

    @Test
    void reportsAddUpWhateverOrderTheCopiesArriveIn() {
        UUID account = UUID.randomUUID();
        UUID ann = UUID.randomUUID();
        UUID bob = UUID.randomUUID();
        String license = "report-" + account;
        // The other gateway copies first and does not know what Ann's calls were made under.
        copy(List.of(count(ann, MARCH_1, 300, null, null)));
        copy(List.of(refused(count(ann, MARCH_1, 1000, account, license), "gw-a", 4),
                refused(count(bob, MARCH_1, 20, account, license), "gw-a", 0)));
        copy(List.of(refused(count(ann, MARCH_1, 1000, null, null), "gw-b", 3)));
        copy(List.of(refused(count(ann, MARCH_1, 1000, account, license), "gw-a", 4))); // repeated: nothing changes
        copy(List.of(count(bob, MARCH_1.plusDays(1), 50, account, license)));
        copy(List.of(count(ann, MARCH_1.plusMonths(1), 10, account, license)));
        given().auth().oauth2(GATEWAY).contentType("application/json")
                .body(Map.of("userId", bob, "day", MARCH_1.plusDays(1).toString(), "calls", 45, "reason", "test calls",
                        "actor", "admin-1"))
                .post("/internal/usage/adjustments").then().statusCode(200);

        given().auth().oauth2(GATEWAY).get("/internal/reports/usage?by=account&period=day&from=2019-03-01&to=2019-03-31"
                + "&accountId=" + account).then().statusCode(200)
                .body("period", contains("2019-03-01", "2019-03-02"))
                .body("group", contains(account.toString(), account.toString()))
                .body("calls", contains(1020, 45)).body("refused", contains(7, 0)).body("activeUsers", contains(2, 1));
        given().auth().oauth2(GATEWAY).get("/internal/reports/usage?by=license&period=month&from=2019-03-15&to=2019-04-02"
                + "&accountId=" + account).then().statusCode(200)
                .body("period", contains("2019-03-01", "2019-04-01"))
                .body("group", contains(license, license))
                .body("calls", contains(1065, 10)).body("refused", contains(7, 0)).body("activeUsers", contains(2, 1));
        // Carol's only calls of April are corrected to none: she leaves April's active users.
        UUID carol = UUID.randomUUID();
        copy(List.of(count(carol, MARCH_1.plusMonths(1).plusDays(2), 5, account, license)));
        given().auth().oauth2(GATEWAY).get("/internal/reports/usage?by=account&period=month&from=2019-03-01&to=2019-04-30"
                + "&accountId=" + account).then().statusCode(200)
                .body("period", contains("2019-03-01", "2019-04-01"))
                .body("group", contains(account.toString(), account.toString()))
                .body("calls", contains(1065, 15)).body("refused", contains(7, 0)).body("activeUsers", contains(2, 2));
        given().auth().oauth2(GATEWAY).contentType("application/json")
                .body(Map.of("userId", carol, "day", MARCH_1.plusMonths(1).plusDays(2).toString(), "calls", 0, "reason",
                        "test calls", "actor", "admin-1"))
                .post("/internal/usage/adjustments").then().statusCode(200);
        given().auth().oauth2(GATEWAY).get("/internal/reports/usage?by=license&period=month&from=2019-04-01&to=2019-04-30")
                .then().statusCode(200)
                .body("find { it.group == '" + license + "' }.calls", equalTo(10))
                .body("find { it.group == '" + license + "' }.activeUsers", equalTo(1));

        given().auth().oauth2(GATEWAY).get("/internal/reports/top-users?from=2019-03-01&to=2019-04-30&accountId=" + account)
                .then().statusCode(200)
                .body("userId", contains(ann.toString(), bob.toString()))
                .body("calls", contains(1010, 65)).body("refused", contains(7, 0));
        given().auth().oauth2(GATEWAY).get("/internal/reports/usage?by=account&period=day&from=2019-01-01&to=2020-12-31")
                .then().statusCode(400);

        assertTotalsEqualTheDailyRows();
    }

    @Test
    void reportsAreForServicesOnly() {
        given().auth().oauth2(TestTokens.of("admin-1", "portal-admin"))
                .get("/internal/reports/seats?by=license").then().statusCode(403);
    }

    /**
     * Every day's and month's totals, recomputed from the daily rows, are what the store kept; so are the
     * monthly totals and active users per group, recomputed from the user-months.
     */
    @Transactional
    void assertTotalsEqualTheDailyRows() {
        assertEquals(rows("""
                select d.day, d.account_id, d.edition, d.license_id, sum(d.calls), sum(coalesce(r.refused, 0)),
                       count(*) filter (where d.calls > 0)
                from daily_usage d left join (select user_id, day, sum(refused) as refused from daily_refusals
                                              group by 1, 2) r using (user_id, day)
                group by 1, 2, 3, 4
                having sum(d.calls) <> 0 or sum(coalesce(r.refused, 0)) <> 0"""),
                rows("select day, account_id, edition, license_id, calls, refused, active_users from daily_totals"
                        + " where calls <> 0 or refused <> 0 or active_users <> 0"));
        assertEquals(rows("""
                select d.user_id, cast(date_trunc('month', d.day) as date), d.account_id, d.edition, d.license_id,
                       sum(d.calls), sum(coalesce(r.refused, 0))
                from daily_usage d left join (select user_id, day, sum(refused) as refused from daily_refusals
                                              group by 1, 2) r using (user_id, day)
                group by 1, 2, 3, 4, 5
                having sum(d.calls) <> 0 or sum(coalesce(r.refused, 0)) <> 0"""),
                rows("select user_id, month, account_id, edition, license_id, calls, refused from monthly_usage"
                        + " where calls <> 0 or refused <> 0"));
        assertEquals(rows("""
                select month, account_id, edition, license_id, sum(calls), sum(refused) from monthly_usage
                group by 1, 2, 3, 4 having sum(calls) <> 0 or sum(refused) <> 0"""),
                rows("select month, account_id, edition, license_id, calls, refused from monthly_totals"
                        + " where calls <> 0 or refused <> 0"));
        assertEquals(rows("""
                select month, dimension, grp, count(*) from (
                  select m.user_id, m.month, g.dimension, g.grp from monthly_usage m
                  cross join lateral (values ('account', cast(m.account_id as text)), ('edition', m.edition),
                                             ('license', m.license_id)) as g (dimension, grp)
                  group by 1, 2, 3, 4 having sum(m.calls) > 0) active
                group by 1, 2, 3"""),
                rows("select month, dimension, grp, users from monthly_active_users where users <> 0"));
    }

    private List<String> rows(String sql) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(sql).getResultList();
        List<String> lines = new ArrayList<>();
        rows.forEach(row -> lines.add(java.util.Arrays.stream(row).map(v -> v instanceof Number n ? Long.toString(n.longValue())
                : String.valueOf(v)).toList().toString()));
        lines.sort(null);
        return lines;
    }
}
