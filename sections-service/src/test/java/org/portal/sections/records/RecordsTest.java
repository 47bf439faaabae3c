package org.portal.sections.records;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.portal.sections.People.create;
import static org.portal.sections.People.created;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.portal.sections.People;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class RecordsTest {

    private static final Map<String, Object> CASE = Map.of("subject", "Printer on fire", "description", "Smoke everywhere");

    @Test
    void aCaseIsCreatedWithItsDefaultsInTheCallersAccount() {
        People.Person carla = People.portalUser(UUID.randomUUID(), "account");
        create(carla.token(), "cases", Map.of("values", CASE)).statusCode(201)
                .header("ETag", "\"0\"")
                .body("values.subject", equalTo("Printer on fire"))
                .body("values.priority", equalTo("medium"))
                .body("accountId", equalTo(carla.accountId().toString()))
                .body("ownerUserId", equalTo(carla.userId().toString()));
    }

    @Test
    void everyBadValueIsListedAndNothingIsStored() {
        People.Person carla = People.portalUser(UUID.randomUUID(), "account");
        create(carla.token(), "orders", Map.of("values", Map.of("number", "x".repeat(51), "amount", 10.123,
                "currency", "DOGE", "due-date", "tomorrow", "colour", "red", "opportunity", "not-an-id"))).statusCode(400)
                .body("type", equalTo("urn:portal:problem:validation"))
                .body("errors.field", containsInAnyOrder("values.number", "values.amount", "values.currency",
                        "values.due-date", "values.colour", "values.opportunity"));
        given().auth().oauth2(carla.token()).get("/api/sections/orders/records").then().statusCode(200)
                .body("items", hasSize(0));
    }

    @Test
    void requiredFieldsMustBeThere() {
        People.Person carla = People.portalUser(UUID.randomUUID(), "account");
        create(carla.token(), "orders", Map.of("values", Map.of("currency", "EUR"))).statusCode(400)
                .body("errors.field", containsInAnyOrder("values.number", "values.amount"));
    }

    @Test
    void typesAreCheckedOneByOne() {
        People.Person pat = People.portalUser(UUID.randomUUID(), "account");
        create(pat.token(), "contracts", Map.of("values", Map.of("number", 42, "starts-on", "2026-02-30",
                "auto-renew", "yes", "amount", "12"))).statusCode(400)
                .body("errors.field", containsInAnyOrder("values.number", "values.starts-on", "values.auto-renew",
                        "values.amount"));
        create(pat.token(), "financial-product-requests", Map.of("values", Map.of("product-type", "loan", "amount", 1000,
                "submitted-on", "2026-11-23T10:15:30+01:00"))).statusCode(201)
                .body("values.submitted-on", equalTo("2026-11-23T09:15:30Z"))
                .body("values.amount", equalTo(1000.00f));
    }

    @Test
    void portalUsersCannotSetTheAccountOrContact() {
        People.Person carla = People.portalUser(UUID.randomUUID(), "account");
        create(carla.token(), "cases", Map.of("values", CASE, "accountId", UUID.randomUUID())).statusCode(400)
                .body("errors.field", contains("accountId"));
    }

    @Test
    void staffNameTheAccount() {
        UUID account = UUID.randomUUID();
        create(People.AGENT, "cases", Map.of("values", CASE)).statusCode(400).body("errors.field", contains("accountId"));
        String id = create(People.AGENT, "cases", Map.of("values", CASE, "accountId", account)).statusCode(201)
                .extract().path("id");
        People.Person carla = People.portalUser(account, "account");
        given().auth().oauth2(carla.token()).get("/api/sections/cases/records/" + id).then().statusCode(200);
    }

    @Test
    void decimalsKeepEveryDigitAndReadingLeavesTheVersionAlone() {
        People.Person pat = People.portalUser(UUID.randomUUID(), "account");
        String id = given().auth().oauth2(pat.token()).contentType("application/json")
                .body("{\"values\":{\"product-type\":\"loan\",\"amount\":1000.50}}")
                .post("/api/sections/financial-product-requests/records").then().statusCode(201).extract().path("id");
        String path = "/api/sections/financial-product-requests/records/" + id;
        for (int read = 0; read < 2; read++) {
            String body = given().auth().oauth2(pat.token()).get(path).then().statusCode(200).header("ETag", "\"0\"")
                    .extract().asString();
            assertTrue(body.contains("\"amount\":1000.50"), body);
        }
        given().auth().oauth2(pat.token()).contentType("application/json").header("If-Match", "\"0\"")
                .body("{\"values\":{\"amount\":1000.5}}").patch(path).then().statusCode(200).header("ETag", "\"1\"");
    }

    @Test
    void anEditNeedsTheCurrentVersion() {
        People.Person carla = People.portalUser(UUID.randomUUID(), "account");
        String id = created(carla.token(), "cases", CASE);
        String path = "/api/sections/cases/records/" + id;
        given().auth().oauth2(carla.token()).contentType("application/json").body(Map.of("values", Map.of("priority", "high")))
                .patch(path).then().statusCode(428);
        given().auth().oauth2(carla.token()).contentType("application/json").header("If-Match", "\"0\"")
                .body(Map.of("values", Map.of("priority", "high"))).patch(path).then().statusCode(200)
                .header("ETag", "\"1\"").body("values.priority", equalTo("high"));
        given().auth().oauth2(carla.token()).contentType("application/json").header("If-Match", "\"0\"")
                .body(Map.of("values", Map.of("priority", "low"))).patch(path).then().statusCode(412)
                .body("type", equalTo("urn:portal:problem:stale-version"));
        given().auth().oauth2(carla.token()).get(path).then().body("values.priority", equalTo("high"));
    }

    @Test
    void aReplacementDropsWhatItDoesNotRepeat() {
        People.Person carla = People.portalUser(UUID.randomUUID(), "account");
        String id = created(carla.token(), "cases", CASE);
        given().auth().oauth2(carla.token()).contentType("application/json").header("If-Match", "\"0\"")
                .body(Map.of("values", Map.of("subject", "Printer fixed"))).put("/api/sections/cases/records/" + id)
                .then().statusCode(200)
                .body("values.subject", equalTo("Printer fixed"))
                .body("values.description", nullValue());
    }

    @Test
    void aRetriedCreateWithTheSameKeyCreatesNothingNew() {
        People.Person carla = People.portalUser(UUID.randomUUID(), "account");
        String key = UUID.randomUUID().toString();
        String first = given().auth().oauth2(carla.token()).contentType("application/json").header("Idempotency-Key", key)
                .body(Map.of("values", CASE)).post("/api/sections/cases/records").then().statusCode(201).extract().path("id");
        String second = given().auth().oauth2(carla.token()).contentType("application/json").header("Idempotency-Key", key)
                .body(Map.of("values", CASE)).post("/api/sections/cases/records").then().statusCode(201).extract().path("id");
        org.junit.jupiter.api.Assertions.assertEquals(first, second);
        given().auth().oauth2(carla.token()).get("/api/sections/cases/records").then().body("items", hasSize(1));
        given().auth().oauth2(carla.token()).contentType("application/json").header("Idempotency-Key", key)
                .body(Map.of("values", Map.of("subject", "Something else"))).post("/api/sections/cases/records").then()
                .statusCode(422);
    }

    @Test
    void theHistorySaysWhoChangedWhatAndWhen() {
        People.Person carla = People.portalUser(UUID.randomUUID(), "account");
        String id = created(carla.token(), "cases", CASE);
        given().auth().oauth2(carla.token()).contentType("application/json").header("If-Match", "\"0\"")
                .body(Map.of("values", Map.of("priority", "critical"))).patch("/api/sections/cases/records/" + id)
                .then().statusCode(200);
        given().auth().oauth2(carla.token()).get("/api/sections/cases/records/" + id + "/history").then().statusCode(200)
                .body("action", contains("created", "edited"))
                .body("actor", contains(carla.subject(), carla.subject()))
                .body("[0].changes.subject.to", equalTo("Printer on fire"))
                .body("[1].changes.priority.from", equalTo("medium"))
                .body("[1].changes.priority.to", equalTo("critical"))
                .body("[1].at", notNullValue());
    }

    @Test
    void listsFilterSortAndPageWithACursor() {
        People.Person pat = People.portalUser(UUID.randomUUID(), "account");
        List<Integer> amounts = List.of(500, 100, 400, 200, 300);
        for (int i = 0; i < amounts.size(); i++) {
            created(pat.token(), "orders",
                    Map.of("number", "PO-" + i, "amount", amounts.get(i), "currency", i == 0 ? "USD" : "EUR"));
        }
        org.junit.jupiter.api.Assertions.assertEquals(List.of(100f, 200f, 300f, 400f), everyPage(pat.token(), "orders",
                Map.of("sort", "amount", "limit", 2, "currency", "EUR"), "items.values.amount"));
    }

    @Test
    void aCursorPagesPastRecordsWithoutTheSortValue() {
        People.Person pat = People.portalUser(UUID.randomUUID(), "account");
        created(pat.token(), "opportunities", Map.of("title", "None"));
        created(pat.token(), "opportunities", Map.of("title", "Small", "amount", 10));
        created(pat.token(), "opportunities", Map.of("title", "Large", "amount", 20));
        org.junit.jupiter.api.Assertions.assertEquals(List.of("None", "Small", "Large"), everyPage(pat.token(), "opportunities",
                Map.of("sort", "amount", "limit", 1), "items.values.title"));
    }

    /** What the path picks from every page of the list, following nextCursor to the end. */
    private static <T> List<T> everyPage(String token, String section, Map<String, Object> query, String path) {
        List<T> seen = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().auth().oauth2(token).queryParams(query);
            if (cursor != null) {
                request = request.queryParam("cursor", cursor);
            }
            var page = request.get("/api/sections/" + section + "/records").then().statusCode(200).extract();
            seen.addAll(page.<List<T>> path(path));
            cursor = page.path("nextCursor");
        } while (cursor != null);
        return seen;
    }

    @Test
    void fullTextSearchFindsWordsOfSearchableFields() {
        People.Person carla = People.portalUser(UUID.randomUUID(), "account");
        String fire = created(carla.token(), "cases", CASE);
        String other = created(carla.token(), "cases", Map.of("subject", "Password expired"));
        given().auth().oauth2(carla.token()).queryParam("q", "smoke").get("/api/sections/cases/records").then()
                .statusCode(200).body("items.id", hasItem(fire)).body("items.id", not(hasItem(other)));
    }

    @Test
    void filtersAndSortsOnlyOnDeclaredFields() {
        People.Person carla = People.portalUser(UUID.randomUUID(), "account");
        given().auth().oauth2(carla.token()).queryParam("colour", "red").get("/api/sections/cases/records").then()
                .statusCode(400).body("errors.field", contains("colour"));
        given().auth().oauth2(carla.token()).queryParam("sort", "description").get("/api/sections/cases/records").then()
                .statusCode(400).body("errors.field", contains("sort"));
        given().auth().oauth2(carla.token()).queryParam("limit", 101).get("/api/sections/cases/records").then()
                .statusCode(400);
    }

    @Test
    void aReferenceMustNameARecordOfTheSameAccount() {
        People.Person pat = People.portalUser(UUID.randomUUID(), "account");
        People.Person stranger = People.portalUser(UUID.randomUUID(), "account");
        String foreignOpportunity = created(stranger.token(), "opportunities", Map.of("title", "Theirs"));
        create(pat.token(), "orders", Map.of("values", Map.of("number", "PO-1", "amount", 5, "currency", "EUR",
                "opportunity", foreignOpportunity))).statusCode(400).body("errors.field", contains("values.opportunity"));
        String mine = created(pat.token(), "opportunities", Map.of("title", "Mine"));
        create(pat.token(), "orders", Map.of("values", Map.of("number", "PO-1", "amount", 5, "currency", "EUR",
                "opportunity", mine))).statusCode(201);
    }

    @Test
    void anUnknownSectionIsNotGrantedToPortalUsersAndNotFoundForStaff() {
        People.Person carla = People.portalUser(UUID.randomUUID(), "account");
        given().auth().oauth2(carla.token()).get("/api/sections/spaceships/records").then().statusCode(403)
                .body("type", org.hamcrest.Matchers.equalTo("urn:portal:problem:section-not-granted"));
        given().auth().oauth2(People.AGENT).get("/api/sections/spaceships/records").then().statusCode(404)
                .contentType("application/problem+json");
    }
}
