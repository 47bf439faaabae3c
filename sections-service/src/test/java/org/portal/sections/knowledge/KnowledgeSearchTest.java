package org.portal.sections.knowledge;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;
import org.portal.sections.People;
import org.portal.testsupport.TestTokens;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class KnowledgeSearchTest {

    private static final String AGENT = TestTokens.of("agent-1", "portal-agent");

    @Inject
    EntityManager em;

    private static String write(String title, String body, boolean published) {
        return given().auth().oauth2(AGENT).contentType("application/json")
                .body(Map.of("title", title, "body", body, "tags", List.of("help"), "published", published))
                .post("/api/sections/knowledge-base/records").then().statusCode(201).extract().path("id");
    }

    @Test
    void aTitleMatchRanksAboveABodyMatchAndSnippetsMarkTheWords() {
        String word = "zq" + UUID.randomUUID().toString().substring(0, 6);
        String inBody = write("Network basics", "Restart the router when " + word + " appears on the display.", true);
        String inTitle = write("Fixing " + word + " errors", "Step by step.", true);
        given().auth().oauth2(People.portalUser(UUID.randomUUID(), "account").token())
                .queryParam("q", word).get("/api/sections/knowledge-base/records/search").then().statusCode(200)
                .body("id", equalTo(List.of(inTitle, inBody)))
                .body("[1].snippet", containsString("<mark>" + word + "</mark>"));
    }

    @Test
    void searchIsLanguageAwareAndSkipsDrafts() {
        String marker = "xk" + UUID.randomUUID().toString().substring(0, 6);
        String published = write("Replacing printers " + marker, "Printers wear out.", true);
        String draft = write("Printer recall " + marker, "Not yet public.", false);
        given().auth().oauth2(People.portalUser(UUID.randomUUID(), "account").token())
                .queryParam("q", "printer " + marker).get("/api/sections/knowledge-base/records/search").then()
                .statusCode(200).body("id", hasItem(published)).body("id", not(hasItem(draft)));
    }

    @Test
    void aReaderSearchesInTheLanguageTheirPreferencesName() {
        String marker = "dq" + UUID.randomUUID().toString().substring(0, 6);
        String german = given().auth().oauth2(AGENT).contentType("application/json")
                .body(Map.of("title", "Drucker wechseln " + marker, "body", "Alte Drucker werden ersetzt.", "published", true,
                        "language", "german"))
                .post("/api/sections/knowledge-base/records").then().statusCode(201).extract().path("id");
        given().auth().oauth2(People.speaking("de-AT").token()).queryParam("q", "druckern " + marker)
                .get("/api/sections/knowledge-base/records/search").then().statusCode(200).body("id", equalTo(List.of(german)));
        given().auth().oauth2(People.portalUser(UUID.randomUUID(), "account").token()).queryParam("q", "druckern " + marker)
                .get("/api/sections/knowledge-base/records/search").then().statusCode(200).body("id", equalTo(List.of()));
        given().auth().oauth2(People.speaking("de").token()).queryParam("q", "druckern " + marker)
                .queryParam("language", "english").get("/api/sections/knowledge-base/records/search").then().statusCode(200)
                .body("id", equalTo(List.of()));
    }

    /** The languages articles may be written in: the Java pattern and the table's CHECK constraint. */
    @Test
    void theLanguagesAreTheTablesLanguages() {
        String check = QuarkusTransaction.requiringNew().call(() -> (String) em.createNativeQuery("""
                select pg_get_constraintdef(oid) from pg_constraint
                where conrelid = 'knowledge_articles'::regclass and pg_get_constraintdef(oid) like '%language%'""")
                .getSingleResult());
        Set<String> inTable = new TreeSet<>();
        Matcher quoted = java.util.regex.Pattern.compile("'([a-z]+)'").matcher(check);
        while (quoted.find()) {
            inTable.add(quoted.group(1));
        }
        assertEquals(new TreeSet<>(List.of(SearchLanguage.PATTERN.split("\\|"))), inTable);
    }

    @Test
    void eachReaderHasOneVotePerArticle() {
        String id = write("Vote on me", "Body", true);
        String reader = People.portalUser(UUID.randomUUID(), "account").token();
        given().auth().oauth2(reader).contentType("application/json").body(Map.of("helpful", true))
                .post("/api/sections/knowledge-base/records/" + id + "/votes").then().statusCode(200)
                .body("helpful", equalTo(1));
        given().auth().oauth2(reader).contentType("application/json").body(Map.of("helpful", false))
                .post("/api/sections/knowledge-base/records/" + id + "/votes").then().statusCode(200)
                .body("helpful", equalTo(0)).body("notHelpful", equalTo(1));
    }

    @Test
    void readingsMakeAnArticlePopular() {
        String read = write("Much read " + UUID.randomUUID(), "Body", true);
        String reader = People.portalUser(UUID.randomUUID(), "account").token();
        for (int i = 0; i < 50; i++) {
            given().auth().oauth2(reader).get("/api/sections/knowledge-base/records/" + read).then().statusCode(200);
        }
        given().auth().oauth2(reader).get("/api/sections/knowledge-base/records/popular?limit=1").then().statusCode(200)
                .body("[0].id", equalTo(read)).body("[0].views", equalTo(50));
    }
}
