package org.portal.sections;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.portal.testsupport.TestTokens;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * The packaged application, as production runs it: migrations, the knowledge base search query
 * (a resource of the jar), JSON columns through the service's own mapper and the neighbours'
 * clients all come from the jar, not from the test class path.
 */
@QuarkusIntegrationTest
class PackagedServiceIT {

    private static final String AGENT = TestTokens.of("agent-1", "portal-agent");

    @Test
    void aPublishedArticleIsFoundBySearch() {
        String word = "zq" + UUID.randomUUID().toString().substring(0, 6);
        String id = given().auth().oauth2(AGENT).contentType("application/json")
                .body(Map.of("title", "Fixing " + word, "body", "Step by step.", "tags", List.of("help"), "published", true))
                .post("/api/sections/knowledge-base/records").then().statusCode(201).extract().path("id");
        given().auth().oauth2(People.portalUser(UUID.randomUUID(), "account").token()).queryParam("q", word)
                .get("/api/sections/knowledge-base/records/search").then().statusCode(200).body("id", contains(id));
    }

    @Test
    void aRecordKeepsItsExactDecimalsAndItsVersion() {
        People.Person pat = People.portalUser(UUID.randomUUID(), "account");
        String id = given().auth().oauth2(pat.token()).contentType("application/json")
                .body("{\"values\":{\"product-type\":\"loan\",\"amount\":1000.50}}")
                .post("/api/sections/financial-product-requests/records").then().statusCode(201).extract().path("id");
        String body = given().auth().oauth2(pat.token()).get("/api/sections/financial-product-requests/records/" + id)
                .then().statusCode(200).header("ETag", "\"0\"").extract().asString();
        assertTrue(body.contains("\"amount\":1000.50"), body);
    }

    @Test
    void anotherAccountsRecordIsNotFound() {
        People.Person carla = People.portalUser(UUID.randomUUID(), "account");
        String id = People.created(carla.token(), "cases", Map.of("subject", "Printer on fire"));
        given().auth().oauth2(People.portalUser(UUID.randomUUID(), "account").token())
                .get("/api/sections/cases/records/" + id).then().statusCode(404)
                .contentType("application/problem+json").body("status", equalTo(404));
    }
}
