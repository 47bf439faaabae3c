package org.portal.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Keeping the knowledge base as an agent and a customer meet it through the gateway: a correction,
 * a "not helpful" comment that lands on the agents' list, an article taken back and deleted, and a
 * customer's search in the language their preferences name; list-column preferences checked against
 * the real sections-service.
 */
class KnowledgeUpkeepIT {

    private static final String RECORDS = RunningSystem.GATEWAY + "/api/sections/knowledge-base/records";

    @Test
    void anAgentKeepsAnArticleAndCustomersSeeEachChangeAtOnce() {
        String agent = RunningSystem.token("agent");
        String customer = RunningSystem.token("customer-acme");
        String word = "kb" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String id = given().auth().oauth2(agent).contentType("application/json")
                .body(Map.of("title", "Pairing the " + word, "body", "Hold both buttons.", "published", true)).post(RECORDS)
                .then().statusCode(201).extract().path("id");
        given().auth().oauth2(customer).queryParam("q", word).get(RECORDS + "/search").then().statusCode(200)
                .body("id", contains(id));

        given().auth().oauth2(agent).contentType("application/json").header("If-Match", "\"0\"")
                .body(Map.of("title", "Pairing the " + word, "body", "Hold both buttons for five seconds."))
                .put(RECORDS + "/" + id).then().statusCode(200).header("ETag", "\"1\"");
        given().auth().oauth2(customer).get(RECORDS + "/" + id).then().statusCode(200)
                .body("body", equalTo("Hold both buttons for five seconds."));
        given().auth().oauth2(agent).get(RECORDS + "/" + id + "/versions").then().statusCode(200)
                .body("version", contains(1, 0));

        given().auth().oauth2(customer).contentType("application/json")
                .body(Map.of("helpful", false, "comment", "Which buttons? " + word)).post(RECORDS + "/" + id + "/votes").then()
                .statusCode(200);
        given().auth().oauth2(agent).get(RunningSystem.GATEWAY + "/api/knowledge/feedback?limit=100").then().statusCode(200)
                .body("comment", hasItem("Which buttons? " + word));
        given().auth().oauth2(customer).get(RunningSystem.GATEWAY + "/api/knowledge/feedback").then().statusCode(403);

        given().auth().oauth2(agent).post(RECORDS + "/" + id + "/unpublish").then().statusCode(200);
        given().auth().oauth2(customer).get(RECORDS + "/" + id).then().statusCode(404);
        given().auth().oauth2(customer).queryParam("q", word).get(RECORDS + "/search").then().statusCode(200)
                .body("id", not(hasItem(id)));
        given().auth().oauth2(customer).get(RECORDS + "?limit=100").then().statusCode(200).body("items.id", not(hasItem(id)));
        given().auth().oauth2(customer).post(RECORDS + "/" + id + "/publish").then().statusCode(403);

        given().auth().oauth2(agent).delete(RECORDS + "/" + id).then().statusCode(204);
        given().auth().oauth2(agent).get(RECORDS + "/" + id).then().statusCode(404);
        given().auth().oauth2(agent).get(RunningSystem.GATEWAY + "/api/knowledge/feedback?limit=100").then().statusCode(200)
                .body("comment", not(hasItem("Which buttons? " + word)));
    }

    @Test
    void aCustomerSearchesInTheirLanguageAndChoosesOnlyRealListColumns() {
        String agent = RunningSystem.token("agent");
        String word = "dk" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        String german = given().auth().oauth2(agent).contentType("application/json")
                .body(Map.of("title", "Rechnungen herunterladen " + word, "body", "Alle Rechnungen stehen im Portal.",
                        "published", true, "language", "german"))
                .post(RECORDS).then().statusCode(201).extract().path("id");
        RunningSystem.LinkedPerson person = RunningSystem.linkedPortalUser(RunningSystem.token("admin"),
                RunningSystem.accountId(RunningSystem.token("admin"), "Acme"), "speaker", "customer");
        String token = RunningSystem.token(person.username());

        given().auth().oauth2(token).queryParam("q", "rechnung " + word).get(RECORDS + "/search").then().statusCode(200)
                .body("id", not(hasItem(german)));
        given().auth().oauth2(token).contentType("application/json")
                .body(Map.of("language", "de-DE", "listColumns", Map.of("cases", List.of("subject", "status"))))
                .put(RunningSystem.GATEWAY + "/api/me/preferences").then().statusCode(200);
        // sections-service learns the new language from the user-changed event (through Redis), moments later.
        Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
                .untilAsserted(() -> given().auth().oauth2(token).queryParam("q", "rechnung " + word).get(RECORDS + "/search")
                        .then().statusCode(200).body("id", contains(german)));

        given().auth().oauth2(token).contentType("application/json")
                .body(Map.of("listColumns", Map.of("cases", List.of("subject", "salary"))))
                .put(RunningSystem.GATEWAY + "/api/me/preferences").then().statusCode(400)
                .body("errors.field", contains("listColumns.cases"));
        given().auth().oauth2(token).get(RunningSystem.GATEWAY + "/api/me/preferences").then().statusCode(200)
                .body("language", equalTo("de-DE")).body("listColumns.cases", contains("subject", "status"));
    }
}
