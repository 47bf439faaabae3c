package org.portal.sections.knowledge;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.portal.events.ChangeEventPublisher;
import org.portal.sections.People;
import org.portal.testsupport.TestTokens;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class KnowledgeBaseResourceTest {

    private static final String AGENT = TestTokens.of("agent-1", "portal-agent");

    @Inject
    EntityManager em;

    @Inject
    RedisDataSource redis;

    @ConfigProperty(name = "portal.redis-namespace")
    String namespace;

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

    /** The first page is cached for every reader; writing an article drops it on this replica at once. */
    @Test
    void anArticleWrittenHereIsListedAtOnce() {
        String token = user();
        given().auth().oauth2(token).get("/api/sections/knowledge-base/records").then().statusCode(200);
        String written = write("Just written " + UUID.randomUUID(), true);
        given().auth().oauth2(token).get("/api/sections/knowledge-base/records").then().statusCode(200)
                .body("items[0].id", equalTo(written));
    }

    /** Another replica's change arrives as knowledge-changed and drops this replica's cached pages. */
    @Test
    void anArticleWrittenElsewhereIsListedOnceItsEventArrives() {
        String token = user();
        given().auth().oauth2(token).get("/api/sections/knowledge-base/records").then().statusCode(200);
        UUID elsewhere = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                insert into knowledge_articles (id, title, body, tags, published, language, views, created_by, created_at,
                    updated_at, version)
                values (:id, 'Written on another replica', 'Body', '{}', true, 'english', 0, 'agent-2', now(), now(), 0)
                """).setParameter("id", elsewhere).executeUpdate());
        given().auth().oauth2(token).get("/api/sections/knowledge-base/records").then().statusCode(200)
                .body("items.id", not(hasItem(elsewhere.toString())));

        redis.pubsub(String.class).publish(ChangeEventPublisher.channel(namespace), "{\"kind\":\"knowledge-changed\"}");
        Awaitility.await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(25))
                .until(() -> given().auth().oauth2(token).get("/api/sections/knowledge-base/records").then()
                        .extract().path("items[0].id"), equalTo(elsewhere.toString()));
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
