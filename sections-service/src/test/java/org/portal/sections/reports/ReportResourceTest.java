package org.portal.sections.reports;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.portal.sections.People.ADMIN;
import static org.portal.sections.People.created;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.portal.sections.People;
import org.portal.testsupport.HttpStubServer;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Reports as administrators read them: licensing-service's figures (stubbed) with this service's case
 * ratings merged in, as JSON or CSV, held to the account of an account administrator.
 */
@QuarkusTest
class ReportResourceTest {

    private final List<StubMapping> stubs = new ArrayList<>();

    @AfterEach
    void removeStubs() {
        stubs.forEach(HttpStubServer.server()::removeStub);
    }

    private void licensingAnswers(String report, int status, String body) {
        stubs.add(HttpStubServer.server().stubFor(get(urlPathEqualTo("/internal/reports/" + report))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body))));
    }

    private static String usageRow(LocalDate period, Object group, long calls, long refused, long active) {
        return """
                {"period":"%s","group":"%s","calls":%d,"refused":%d,"activeUsers":%d}
                """.formatted(period, group, calls, refused, active);
    }

    @Test
    void monthlyUsagePerAccountCarriesTheMonthsCaseRatings() {
        People.Person carla = People.portalUser(UUID.randomUUID(), "account");
        String caseId = created(carla.token(), "cases", Map.of("subject", "Printer jams", "description", "Every page"));
        given().auth().oauth2(People.AGENT).contentType("application/json").body(Map.of("to", "resolved"))
                .post("/api/sections/cases/records/" + caseId + "/transitions").then().statusCode(200);
        given().auth().oauth2(carla.token()).contentType("application/json").body(Map.of("rating", 3))
                .post("/api/sections/cases/records/" + caseId + "/feedback/rating").then().statusCode(201);
        LocalDate month = LocalDate.now().withDayOfMonth(1);
        licensingAnswers("usage", 200, "[" + usageRow(month, carla.accountId(), 120, 4, 2) + "]");

        given().auth().oauth2(ADMIN).queryParam("by", "account").queryParam("period", "month")
                .queryParam("from", month.toString()).queryParam("to", month.plusMonths(1).minusDays(1).toString())
                .queryParam("accountId", carla.accountId()).get("/api/admin/reports/usage").then().statusCode(200)
                .body("group", contains(carla.accountId().toString())).body("calls", contains(120))
                .body("refused", contains(4)).body("activeUsers", contains(2)).body("ratings", contains(1))
                .body("averageRating", contains(3.0f));
    }

    @Test
    void theSameReportComesAsCsvWhenAskedFor() {
        LocalDate day = LocalDate.of(2026, 3, 2);
        licensingAnswers("usage", 200,
                "[" + usageRow(day, "=cmd()", 7, 1, 1) + "," + usageRow(day, "enterprise", 9, 0, 3) + "]");

        String csv = given().auth().oauth2(ADMIN).accept("text/csv").queryParam("by", "edition")
                .queryParam("from", day.toString()).queryParam("to", day.toString()).get("/api/admin/reports/usage").then()
                .statusCode(200).contentType(startsWith("text/csv"))
                .header("Content-Disposition", containsString("usage.csv")).extract().asString();
        assertEquals("""
                period,group,calls,refused,activeUsers,ratings,averageRating\r
                2026-03-02,'=cmd(),7,1,1,,\r
                2026-03-02,enterprise,9,0,3,,\r
                """, csv);
    }

    @Test
    void anAccountAdministratorSeesTheirOwnAccountWhateverTheyAskFor() {
        UUID account = UUID.randomUUID();
        People.Person admin = People.accountAdministrator(account);
        licensingAnswers("top-users", 200, "[]");
        licensingAnswers("seats", 200, """
                [{"group":"%s","edition":"enterprise","seats":10,"given":4,"free":6,"overLimit":0}]""".formatted(account));

        given().auth().oauth2(admin.token()).queryParam("from", "2026-01-01").queryParam("to", "2026-01-31")
                .queryParam("accountId", UUID.randomUUID()).get("/api/admin/reports/top-users").then().statusCode(200);
        HttpStubServer.server().verify(getRequestedFor(urlPathEqualTo("/internal/reports/top-users"))
                .withQueryParam("accountId", equalTo(account.toString())));
        given().auth().oauth2(admin.token()).queryParam("by", "account").get("/api/admin/reports/seats").then()
                .statusCode(200).body("free", contains(6));
        HttpStubServer.server().verify(getRequestedFor(urlPathEqualTo("/internal/reports/seats"))
                .withQueryParam("accountId", equalTo(account.toString())));
        given().auth().oauth2(admin.token()).queryParam("by", "license").get("/api/admin/reports/seats").then()
                .statusCode(403);
    }

    @Test
    void withoutAQueryTheReportIsThisMonthSoFarPerAccount() {
        licensingAnswers("usage", 200, "[]");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        given().auth().oauth2(ADMIN).get("/api/admin/reports/usage").then().statusCode(200);
        HttpStubServer.server().verify(getRequestedFor(urlPathEqualTo("/internal/reports/usage"))
                .withQueryParam("by", equalTo("account")).withQueryParam("period", equalTo("day"))
                .withQueryParam("from", equalTo(today.withDayOfMonth(1).toString()))
                .withQueryParam("to", equalTo(today.toString())));
    }

    @Test
    void customersAreRefusedAndBadQueriesAreNamed() {
        People.Person customer = People.portalUser(UUID.randomUUID(), "account");
        given().auth().oauth2(customer.token()).queryParam("by", "account").get("/api/admin/reports/seats").then()
                .statusCode(403);
        given().auth().oauth2(ADMIN).queryParam("by", "account").queryParam("from", "2025-01-01")
                .queryParam("to", "2026-06-01").get("/api/admin/reports/usage").then().statusCode(400)
                .body("errors.field", contains("to"));
        given().auth().oauth2(ADMIN).queryParam("by", "planet").queryParam("from", "2026-01-01")
                .queryParam("to", "2026-01-02").get("/api/admin/reports/usage").then().statusCode(400);
    }

    @Test
    void aReportLicensingCannotGiveIsA503() {
        licensingAnswers("seats", 500, "{}");
        given().auth().oauth2(ADMIN).queryParam("by", "edition").get("/api/admin/reports/seats").then().statusCode(503)
                .body("type", containsString("licensing-service-unavailable"));
    }
}
