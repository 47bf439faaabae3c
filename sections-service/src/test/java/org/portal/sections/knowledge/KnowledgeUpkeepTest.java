package org.portal.sections.knowledge;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.portal.sections.People;
import org.portal.testsupport.TestTokens;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;

/**
 * Agents keep the knowledge base: they correct an article (every version kept), take it back, publish
 * it again and delete it; portal users' lists, search, popular list and votes follow at once. Readers'
 * "not helpful" comments become the agents' tasks.
 */
@QuarkusTest
class KnowledgeUpkeepTest {

    private static final String AGENT = TestTokens.of("agent-1", "portal-agent");
    private static final String RECORDS = "/api/sections/knowledge-base/records";

    @Inject
    EntityManager em;

    String word;
    String id;
    String reader;

    @BeforeEach
    void setUp() {
        word = "zq" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        id = given().auth().oauth2(AGENT).contentType("application/json")
                .body(Map.of("title", "Resetting the " + word, "body", "Hold the button.", "published", true))
                .post(RECORDS).then().statusCode(201).header("ETag", "\"0\"").extract().path("id");
        reader = People.portalUser(UUID.randomUUID(), "account").token();
    }

    @Test
    void anAgentCorrectsAnArticleAndEveryVersionStays() {
        given().auth().oauth2(reader).get(RECORDS + "/" + id).then().statusCode(200);
        change("0", "Resetting the " + word + " safely", "Unplug it first.").statusCode(200).header("ETag", "\"1\"")
                .body("body", equalTo("Unplug it first."));
        change("0", "A stale edit", "Lost?").statusCode(412);
        given().auth().oauth2(AGENT).contentType("application/json").body(Map.of("title", "No tag", "body", "x"))
                .put(RECORDS + "/" + id).then().statusCode(428);
        change("1", "", "Empty title").statusCode(400);

        given().auth().oauth2(reader).get(RECORDS + "/" + id).then().statusCode(200)
                .body("title", equalTo("Resetting the " + word + " safely"));
        given().auth().oauth2(AGENT).get(RECORDS + "/" + id + "/versions").then().statusCode(200)
                .body("version", contains(1, 0)).body("body", contains("Unplug it first.", "Hold the button."))
                .body("writtenBy", contains("agent-1", "agent-1"));
        given().auth().oauth2(reader).get(RECORDS + "/" + id + "/versions").then().statusCode(403);
        given().auth().oauth2(reader).contentType("application/json").body(Map.of("title", "Mine", "body", "x"))
                .header("If-Match", "\"1\"").put(RECORDS + "/" + id).then().statusCode(403);
        assertEquals(List.of("knowledge-article.changed"), auditedActions());
    }

    @Test
    void anUnpublishedArticleIsGoneForReadersAtOnceAndComesBack() {
        given().auth().oauth2(reader).get(RECORDS + "/" + id).then().statusCode(200);
        assertReaderFinds(true);

        given().auth().oauth2(AGENT).post(RECORDS + "/" + id + "/unpublish").then().statusCode(200)
                .body("published", equalTo(false));
        assertReaderFinds(false);
        given().auth().oauth2(reader).get(RECORDS + "/" + id).then().statusCode(404);
        given().auth().oauth2(reader).contentType("application/json").body(Map.of("helpful", true))
                .post(RECORDS + "/" + id + "/votes").then().statusCode(404);
        given().auth().oauth2(AGENT).get(RECORDS + "/" + id).then().statusCode(200);

        given().auth().oauth2(AGENT).post(RECORDS + "/" + id + "/publish").then().statusCode(200)
                .body("published", equalTo(true));
        assertReaderFinds(true);
        given().auth().oauth2(reader).post(RECORDS + "/" + id + "/unpublish").then().statusCode(403);
        assertEquals(List.of("knowledge-article.unpublished", "knowledge-article.published"), auditedActions());
    }

    @Test
    void aDeletedArticleTakesItsVotesAndTasksWithIt() {
        vote(reader, false, "Step two is wrong").statusCode(200);
        given().auth().oauth2(AGENT).get("/api/knowledge/feedback?limit=100").then().statusCode(200)
                .body("articleId", hasItem(id));

        given().auth().oauth2(AGENT).delete(RECORDS + "/" + id).then().statusCode(204);
        given().auth().oauth2(AGENT).get(RECORDS + "/" + id).then().statusCode(404);
        assertReaderFinds(false);
        given().auth().oauth2(AGENT).get("/api/knowledge/feedback?limit=100").then().statusCode(200)
                .body("articleId", not(hasItem(id)));
        given().auth().oauth2(AGENT).delete(RECORDS + "/" + id).then().statusCode(404);
        assertEquals(List.of("knowledge-article.deleted"), auditedActions());
    }

    @Test
    void aNotHelpfulCommentIsATaskUntilAnAgentMarksItDone() {
        vote(reader, true, "Great").statusCode(200);
        String other = People.portalUser(UUID.randomUUID(), "account").token();
        vote(other, false, "   ").statusCode(200);
        vote(other, false, "The button is not where you say").statusCode(200).body("notHelpful", equalTo(1));
        vote(reader, false, "x".repeat(2001)).statusCode(400);

        List<Map<String, Object>> open = given().auth().oauth2(AGENT).get("/api/knowledge/feedback?limit=100").then()
                .statusCode(200).extract().jsonPath().getList("findAll { it.articleId == '" + id + "' }");
        assertEquals(1, open.size(), open::toString);
        String task = (String) open.get(0).get("id");
        assertEquals("The button is not where you say", open.get(0).get("comment"));
        assertEquals("Resetting the " + word, open.get(0).get("articleTitle"));
        given().auth().oauth2(reader).get("/api/knowledge/feedback").then().statusCode(403);

        given().auth().oauth2(AGENT).post("/api/knowledge/feedback/" + task + "/done").then().statusCode(200)
                .body("doneBy", equalTo("agent-1"));
        given().auth().oauth2(AGENT).get("/api/knowledge/feedback?limit=100").then().body("id", not(hasItem(task)));
        given().auth().oauth2(AGENT).get("/api/knowledge/feedback?state=done&limit=100").then().body("id", hasItem(task));
        given().auth().oauth2(AGENT).post("/api/knowledge/feedback/" + UUID.randomUUID() + "/done").then().statusCode(404);
        given().auth().oauth2(AGENT).get("/api/knowledge/feedback?state=closed").then().statusCode(400)
                .body("errors", not(nullValue()));
    }

    @SuppressWarnings("unchecked")
    private List<String> auditedActions() {
        return QuarkusTransaction.requiringNew().call(() -> em
                .createNativeQuery("select action from audit_entries where target_id = :id order by at, id")
                .setParameter("id", id).getResultList());
    }

    private ValidatableResponse change(String etag, String title, String body) {
        return given().auth().oauth2(AGENT).contentType("application/json").header("If-Match", "\"" + etag + "\"")
                .body(Map.of("title", title, "body", body)).put(RECORDS + "/" + id).then();
    }

    private ValidatableResponse vote(String token, boolean helpful, String comment) {
        return given().auth().oauth2(token).contentType("application/json").body(Map.of("helpful", helpful, "comment", comment))
                .post(RECORDS + "/" + id + "/votes").then();
    }

    /** Whether the reader finds the article in the list, the search and the popular list (it was read once). */
    private void assertReaderFinds(boolean found) {
        ExtractableResponse<Response> list = given().auth().oauth2(reader).get(RECORDS + "?limit=100").then().statusCode(200)
                .extract();
        List<String> searched = given().auth().oauth2(reader).queryParam("q", word).get(RECORDS + "/search").then()
                .statusCode(200).extract().path("id");
        List<String> popular = given().auth().oauth2(reader).get(RECORDS + "/popular?limit=50").then().statusCode(200)
                .extract().path("id");
        assertEquals(found, list.<List<String>> path("items.id").contains(id), "list");
        assertEquals(found, searched.contains(id), "search");
        if (!found) {
            assertFalse(popular.contains(id), "popular");
        }
    }
}
