package org.portal.sections.knowledge;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.portal.sections.People;
import org.portal.testsupport.TestTokens;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class KnowledgeBaseResourceTest {

    private static final String AGENT = TestTokens.of("agent-1", "portal-agent");

    /** A portal user whose edition reads the knowledge base (every edition does). */
    private static String user() {
        return People.portalUser(java.util.UUID.randomUUID(), "account").token();
    }

    private static String write(String title, boolean published) {
        return given().auth().oauth2(AGENT).contentType("application/json")
                .body(Map.of("title", title, "body", "How to " + title, "tags", List.of("howto"), "published", published))
                .post("/api/sections/knowledge-base/records").then().statusCode(201)
                .body("title", equalTo(title)).extract().path("id");
    }

    @Test
    void portalUsersReadPublishedArticlesOnly() {
        String published = write("Reset a router " + UUID.randomUUID(), true);
        String draft = write("Unreleased " + UUID.randomUUID(), false);
        given().auth().oauth2(user()).get("/api/sections/knowledge-base/records?limit=100").then().statusCode(200)
                .body("items.id", hasItem(published))
                .body("items.id", not(hasItem(draft)))
                .body("items.published", everyItem(equalTo(true)));
    }

    /** The total rides on the page's rows (a window count); a page past the end counts on its own, the same. */
    @Test
    void everyPageCarriesTheSameTotalAndDraftsCountForAgentsOnly() {
        write("Counted " + UUID.randomUUID(), true);
        write("Counted draft " + UUID.randomUUID(), false);
        String token = user();
        int total = given().auth().oauth2(token).get("/api/sections/knowledge-base/records?limit=1").then().statusCode(200)
                .body("items.size()", equalTo(1)).extract().path("total");
        given().auth().oauth2(token).get("/api/sections/knowledge-base/records?offset=" + (total - 1) + "&limit=10").then()
                .statusCode(200).body("items.size()", equalTo(1)).body("total", equalTo(total));
        given().auth().oauth2(token).get("/api/sections/knowledge-base/records?offset=" + total + "&limit=10").then()
                .statusCode(200).body("items.size()", equalTo(0)).body("total", equalTo(total));
        int all = given().auth().oauth2(AGENT).get("/api/sections/knowledge-base/records?limit=1").then().statusCode(200)
                .extract().path("total");
        org.junit.jupiter.api.Assertions.assertTrue(all > total, "agents count drafts too: " + all + " > " + total);
    }

    @Test
    void agentsSeeDrafts() {
        String draft = write("Draft " + UUID.randomUUID(), false);
        given().auth().oauth2(AGENT).get("/api/sections/knowledge-base/records?limit=100").then().statusCode(200)
                .body("items.id", hasItem(draft));
    }

    @Test
    void portalUsersCannotWriteArticles() {
        given().auth().oauth2(user()).contentType("application/json")
                .body(Map.of("title", "Mine", "body", "text", "published", true))
                .post("/api/sections/knowledge-base/records").then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void pagesAreCappedAtTheMaximumSize() {
        given().auth().oauth2(user()).get("/api/sections/knowledge-base/records?limit=1000").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:portal:problem:validation"))
                .body("errors.field", hasItem("limit"));
    }

    @Test
    void anArticleWithoutTitleIsRefused() {
        given().auth().oauth2(AGENT).contentType("application/json").body(Map.of("body", "text"))
                .post("/api/sections/knowledge-base/records").then().statusCode(400)
                .body("errors.field", hasItem("title"));
    }

    @Test
    void aBodyThatIsNotJsonIsABadRequestProblem() {
        given().auth().oauth2(AGENT).contentType("application/json").body("{not json")
                .post("/api/sections/knowledge-base/records").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:portal:problem:bad-request"));
    }

    @Test
    void readingNeedsAToken() {
        given().get("/api/sections/knowledge-base/records").then().statusCode(401)
                .contentType("application/problem+json");
    }
}
