package org.portal.sections.audit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.portal.sections.People.ADMIN;

import java.time.Duration;
import java.time.Instant;
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
 * The merged audit trail: this service's entries and its neighbours' (stubbed: licensing-service is
 * asked first, then portal-users-service), newest first, for staff and, narrowed, account administrators.
 */
@QuarkusTest
class AuditResourceTest {

    private final List<StubMapping> stubs = new ArrayList<>();

    @AfterEach
    void removeStubs() {
        stubs.forEach(HttpStubServer.server()::removeStub);
        HttpStubServer.server().resetScenarios();
    }

    private static String entry(String action, Instant at, String actorName, UUID account) {
        return """
                {"id":"%s","at":"%s","service":"neighbour","actor":"sub-1","actorName":"%s","action":"%s",
                 "targetType":"thing","targetId":"t-1","accountId":%s,"before":{"n":1},"after":{"n":2},"requestId":"r-1"}
                """.formatted(UUID.randomUUID(), at, actorName, action, account == null ? "null" : "\"" + account + "\"");
    }

    /** The neighbours' parts: licensing's first, then portal-users', on every query. */
    private void neighbours(String licensing, String portalUsers) {
        stubs.add(HttpStubServer.server().stubFor(get(urlPathEqualTo("/internal/audit")).inScenario("audit")
                .whenScenarioStateIs(STARTED).willSetStateTo("portal-users")
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(licensing))));
        stubs.add(HttpStubServer.server().stubFor(get(urlPathEqualTo("/internal/audit")).inScenario("audit")
                .whenScenarioStateIs("portal-users").willSetStateTo(STARTED)
                .willReturn(aResponse().withHeader("Content-Type", "application/json").withBody(portalUsers))));
    }

    private static String page(String... entries) {
        return "{\"items\":[" + String.join(",", entries) + "],\"next\":null}";
    }

    private static void registerEndpoint() {
        given().auth().oauth2(ADMIN).contentType("application/json")
                .body(Map.of("url", "http://localhost:" + HttpStubServer.server().port() + "/audited", "events",
                        List.of("record.created")))
                .post("/api/admin/webhooks").then().statusCode(201);
    }

    @Test
    void everyServicesEntriesComeMergedNewestFirstInCursorPages() {
        // The neighbours' newest entries are dated ahead of this service's: the tests before this one left
        // entries of their own moments ago, which must not come between them.
        Instant now = Instant.now();
        neighbours(page(entry("license.imported", now.plusSeconds(2), "ann", null),
                entry("seat.given", now.minus(Duration.ofDays(1)), "ann", null)),
                page(entry("user.blocked", now.plusSeconds(1), "bob", null)));
        registerEndpoint();
        given().auth().oauth2(ADMIN).get("/api/admin/audit?limit=3").then().statusCode(200)
                .body("items.action", contains("license.imported", "user.blocked", "webhook-endpoint.created"))
                .body("items[2].service", org.hamcrest.Matchers.equalTo("sections-service"))
                .body("items[2].actor", org.hamcrest.Matchers.equalTo("admin-1"))
                .body("next", notNullValue());
    }

    @Test
    void anAccountAdministratorReadsTheirAccountsPartOnly() {
        UUID account = UUID.randomUUID();
        neighbours(page(), page(entry("user.blocked", Instant.now(), "bob", account)));
        People.Person admin = People.accountAdministrator(account);
        given().auth().oauth2(admin.token()).get("/api/admin/audit?accountId=" + UUID.randomUUID()).then().statusCode(200)
                .body("items.action", contains("user.blocked"));
        HttpStubServer.server().verify(getRequestedFor(urlPathEqualTo("/internal/audit"))
                .withQueryParam("accountId", equalTo(account.toString())));
        given().auth().oauth2(People.portalUser(UUID.randomUUID(), "account").token()).get("/api/admin/audit").then()
                .statusCode(403);
        given().auth().oauth2(People.AGENT).get("/api/admin/audit").then().statusCode(403);
    }

    @Test
    void theCsvExportHoldsEveryEntryWithFormulasDefused() {
        Instant now = Instant.now();
        neighbours(page(entry("license.imported", now.minusSeconds(1), "=HYPERLINK(1)", null)), page());
        String csv = given().auth().oauth2(ADMIN).accept("text/csv").get("/api/admin/audit?action=license.imported").then()
                .statusCode(200).contentType(startsWith("text/csv"))
                .header("Content-Disposition", containsString("audit.csv")).extract().asString();
        String[] lines = csv.split("\r\n");
        org.junit.jupiter.api.Assertions.assertEquals(AuditCsv.HEADER, lines[0]);
        org.junit.jupiter.api.Assertions.assertEquals(2, lines.length, csv);
        org.junit.jupiter.api.Assertions.assertTrue(lines[1].contains(",'=HYPERLINK(1),license.imported,"), lines[1]);
        org.junit.jupiter.api.Assertions.assertTrue(lines[1].contains(",\"{\"\"n\"\":1}\","), lines[1]);
    }

    @Test
    void aNeighbourThatCannotAnswerMakesTheQueryA503() {
        stubs.add(HttpStubServer.server()
                .stubFor(get(urlPathEqualTo("/internal/audit")).willReturn(aResponse().withStatus(500))));
        given().auth().oauth2(ADMIN).get("/api/admin/audit").then().statusCode(503)
                .contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.equalTo("urn:portal:problem:licensing-service-unavailable"));
    }

    @Test
    void aCursorThatIsNotOursIsABadRequest() {
        given().auth().oauth2(ADMIN).get("/api/admin/audit?cursor=abc").then().statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.equalTo("cursor"));
    }
}
