package org.portal.sections.cases;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.portal.sections.People.created;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.portal.sections.People;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** A case's contact rates its resolution once, or rejects it and the case reopens; agents read the ratings. */
@QuarkusTest
class CaseFeedbackTest {

    @Inject
    EntityManager em;

    People.Person carla;
    String caseId;

    @BeforeEach
    void setUp() {
        carla = People.portalUser(UUID.randomUUID(), "account");
        caseId = created(carla.token(), "cases", Map.of("subject", "Printer jams", "description", "Every third page"));
    }

    @Test
    void theContactRatesAResolvedCaseOnceAndAgentsSeeIt() {
        rate(carla.token(), 4, "Fixed, took a while").statusCode(409).body("type",
                equalTo("urn:portal:problem:feedback-closed"));
        transition(People.AGENT, "resolved");
        People.Person colleague = People.portalUser(carla.accountId(), "account");
        rate(colleague.token(), 5, null).statusCode(403).body("type", equalTo("urn:portal:problem:not-the-contact"));
        rate(People.AGENT, 5, null).statusCode(403);
        rate(carla.token(), 6, null).statusCode(400).body("errors.field", contains("rating"));

        rate(carla.token(), 4, "Fixed, took a while").statusCode(201).body("rating", equalTo(4))
                .body("accountId", equalTo(carla.accountId().toString()));
        rate(carla.token(), 5, null).statusCode(409).body("type", equalTo("urn:portal:problem:already-rated"));
        given().auth().oauth2(colleague.token()).get("/api/sections/cases/records/" + caseId + "/feedback").then()
                .statusCode(200).body("rating.rating", equalTo(4)).body("rating.comment", equalTo("Fixed, took a while"))
                .body("rejections", hasSize(0));
        given().auth().oauth2(People.AGENT).queryParam("accountId", carla.accountId()).get("/api/sections/cases/ratings")
                .then().statusCode(200).body("items.caseId", contains(caseId)).body("items.rating", contains(4));
        given().auth().oauth2(carla.token()).get("/api/sections/cases/ratings").then().statusCode(403);
        People.Person mallory = People.portalUser(UUID.randomUUID(), "account");
        given().auth().oauth2(mallory.token()).get("/api/sections/cases/records/" + caseId + "/feedback").then()
                .statusCode(404);
    }

    @Test
    void aClosedCaseIsRatedWithinTheWindowOnly() {
        transition(People.AGENT, "resolved");
        transition(carla.token(), "closed");
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update records set status_changed_at = now() - interval '15 days' where id = :id")
                .setParameter("id", UUID.fromString(caseId)).executeUpdate());
        rate(carla.token(), 2, null).statusCode(409).body("type", equalTo("urn:portal:problem:feedback-closed"));
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "update records set status_changed_at = now() - interval '13 days' where id = :id")
                .setParameter("id", UUID.fromString(caseId)).executeUpdate());
        rate(carla.token(), 2, null).statusCode(201);
    }

    @Test
    void ratingsSentAtOnceCountOnce() throws Exception {
        transition(People.AGENT, "resolved");
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try {
            List<CompletableFuture<Integer>> answers = IntStream.range(0, 8).mapToObj(i -> CompletableFuture.supplyAsync(
                    () -> rate(carla.token(), 1 + i % 5, null).extract().statusCode(), callers)).toList();
            List<Integer> statuses = answers.stream().map(CompletableFuture::join).toList();
            assertEquals(1, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
            assertEquals(7, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        } finally {
            callers.shutdown();
        }
    }

    @Test
    void rejectingTheResolutionReopensTheCaseAndKeepsTheReason() {
        given().auth().oauth2(carla.token()).contentType("application/json").body(Map.of("comment", "Still jams"))
                .post("/api/sections/cases/records/" + caseId + "/feedback/rejection").then().statusCode(409);
        transition(People.AGENT, "resolved");
        given().auth().oauth2(carla.token()).contentType("application/json").body(Map.of("comment", " "))
                .post("/api/sections/cases/records/" + caseId + "/feedback/rejection").then().statusCode(400);
        given().auth().oauth2(carla.token()).contentType("application/json").body(Map.of("comment", "Still jams"))
                .post("/api/sections/cases/records/" + caseId + "/feedback/rejection").then().statusCode(200)
                .body("status", equalTo("in-progress"));
        given().auth().oauth2(People.AGENT).get("/api/sections/cases/records/" + caseId + "/feedback").then()
                .statusCode(200).body("rating", nullValue()).body("rejections.comment", contains("Still jams"))
                .body("rejections.userId", contains(carla.userId().toString()));
        given().auth().oauth2(carla.token()).contentType("application/json").body(Map.of("comment", "Again"))
                .post("/api/sections/cases/records/" + caseId + "/feedback/rejection").then().statusCode(409);
        given().auth().oauth2(carla.token()).get("/api/sections/cases/records/" + caseId + "/history").then()
                .body("action", contains("created", "transition", "transition"));
    }

    private void transition(String token, String to) {
        given().auth().oauth2(token).contentType("application/json").body(Map.of("to", to))
                .post("/api/sections/cases/records/" + caseId + "/transitions").then().statusCode(200);
    }

    private ValidatableResponse rate(String token, int rating, String comment) {
        Map<String, Object> body = comment == null ? Map.of("rating", rating) : Map.of("rating", rating, "comment", comment);
        return given().auth().oauth2(token).contentType("application/json").body(body)
                .post("/api/sections/cases/records/" + caseId + "/feedback/rating").then();
    }
}
