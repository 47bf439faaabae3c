package org.portal.sections.records;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.portal.sections.People.created;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.portal.sections.People;

import io.quarkus.test.junit.QuarkusTest;

/** A portal user of one account never reaches another account's records, in any section, by any path. */
@QuarkusTest
class IsolationTest {

    static Map<String, Map<String, Object>> minimalRecords() {
        // Every section an edition can grant; accounts and contacts are granted to none (EditionGrantsTest).
        return Map.of(
                "cases", Map.of("subject", "Stapler missing"),
                "leads", Map.of("title", "Lead"),
                "opportunities", Map.of("title", "Deal"),
                "orders", Map.of("number", "PO-1", "amount", 10, "currency", "EUR"),
                "documents", Map.of("title", "Quote", "document-type", "quote"),
                "marketing-activities", Map.of("name", "Webinar", "channel", "webinar"),
                "financial-product-requests", Map.of("product-type", "loan", "amount", 1000, "currency", "EUR"),
                "contracts", Map.of("number", "C-1", "starts-on", "2026-01-01"));
    }

    static java.util.stream.Stream<String> sections() {
        return minimalRecords().keySet().stream().sorted();
    }

    @ParameterizedTest
    @MethodSource("sections")
    void anotherAccountsRecordCannotBeReadListedSearchedOrEdited(String section) {
        People.Person acme = People.portalUser(UUID.randomUUID(), "account");
        People.Person globex = People.portalUser(UUID.randomUUID(), "account");
        String id = created(acme.token(), section, minimalRecords().get(section));
        String path = "/api/sections/" + section + "/records";

        given().auth().oauth2(globex.token()).get(path + "/" + id).then().statusCode(404);
        given().auth().oauth2(globex.token()).get(path + "/" + id + "/history").then().statusCode(404);
        given().auth().oauth2(globex.token()).get(path).then().statusCode(200).body("items.id", not(hasItem(id)));
        given().auth().oauth2(globex.token()).queryParam("q", "Stapler Deal Lead Quote Webinar Initech")
                .get(path).then().statusCode(200).body("items", hasSize(0));
        given().auth().oauth2(globex.token()).contentType("application/json").header("If-Match", "\"0\"")
                .body(Map.of("values", Map.of())).patch(path + "/" + id).then().statusCode(404);
        given().auth().oauth2(acme.token()).get(path + "/" + id).then().statusCode(200);
    }

    @ParameterizedTest
    @MethodSource("sections")
    void withScopeOwnAUserSeesOnlyTheirOwnRecords(String section) {
        UUID account = UUID.randomUUID();
        People.Person colleague = People.portalUser(account, "account");
        People.Person own = People.portalUser(account, "own");
        String theirs = created(colleague.token(), section, minimalRecords().get(section));
        String mine = created(own.token(), section, minimalRecords().get(section));
        String path = "/api/sections/" + section + "/records";
        given().auth().oauth2(own.token()).get(path).then().statusCode(200)
                .body("items.id", hasItem(mine)).body("items.id", not(hasItem(theirs)));
        given().auth().oauth2(own.token()).get(path + "/" + theirs).then().statusCode(404);
        given().auth().oauth2(colleague.token()).get(path).then().statusCode(200)
                .body("items.id", hasItem(mine)).body("items.id", hasItem(theirs));
    }

    @org.junit.jupiter.api.Test
    void aRecordNamingAUserAsContactIsTheirsToo() {
        UUID account = UUID.randomUUID();
        People.Person own = People.portalUser(account, "own");
        String id = given().auth().oauth2(People.AGENT).contentType("application/json")
                .body(Map.of("values", Map.of("subject", "Call back"), "accountId", account, "contactUserId", own.userId()))
                .post("/api/sections/cases/records").then().statusCode(201).extract().path("id");
        given().auth().oauth2(own.token()).get("/api/sections/cases/records/" + id).then().statusCode(200);
    }
}
