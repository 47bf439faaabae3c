package org.portal.sections.cases;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.portal.sections.People.created;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.portal.sections.People;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class CaseCommentsTest {

    People.Person carla;
    String caseId;

    @BeforeEach
    void setUp() {
        carla = People.portalUser(UUID.randomUUID(), "account");
        caseId = created(carla.token(), "cases", Map.of("subject", "Invoice total is wrong", "description", "Off by ten"));
    }

    @Test
    void thePortalUserAndTheAgentConverseOldestFirst() {
        comment(carla.token(), "The total should be 90", false).statusCode(201)
                .body("authorRole", equalTo("portal-user")).body("authorUserId", equalTo(carla.userId().toString()))
                .body("internal", equalTo(false));
        comment(People.AGENT, "Checking with billing", false).statusCode(201).body("authorRole", equalTo("agent"))
                .body("authorUserId", nullValue());
        comments(carla.token()).statusCode(200)
                .body("items.body", contains("The total should be 90", "Checking with billing"))
                .body("items.authorSubject", contains(carla.subject(), "agent-1"));
    }

    @Test
    void anInternalNoteIsNotInThePortalUsersList() {
        comment(People.AGENT, "Customer is right, billing bug BUG-4711", true).statusCode(201).body("internal", equalTo(true));
        comment(People.AGENT, "We are on it", false).statusCode(201);
        comments(carla.token()).statusCode(200).body("items.body", contains("We are on it"))
                .body("items.internal", everyItem(equalTo(false)));
        comments(People.AGENT).statusCode(200)
                .body("items.body", contains("Customer is right, billing bug BUG-4711", "We are on it"));
    }

    @Test
    void anInternalNoteIsNotInSearchNorInTheRecordNorInItsHistory() {
        String before = given().auth().oauth2(carla.token()).get("/api/sections/cases/records/" + caseId).then()
                .extract().asString();
        comment(People.AGENT, "Zanzibarian escalation", true).statusCode(201);
        given().auth().oauth2(carla.token()).queryParam("q", "zanzibarian").get("/api/sections/cases/records").then()
                .statusCode(200).body("items", hasSize(0));
        given().auth().oauth2(carla.token()).get("/api/sections/cases/records/" + caseId).then()
                .body(equalTo(before));
        given().auth().oauth2(carla.token()).get("/api/sections/cases/records/" + caseId + "/history").then()
                .body("action", contains("created"))
                .body(not(org.hamcrest.Matchers.containsString("Zanzibarian")));
    }

    @Test
    void aPortalUserCannotWriteAnInternalNote() {
        comment(carla.token(), "Secret", true).statusCode(400).body("errors.field", contains("internal"));
        comments(People.AGENT).body("items", hasSize(0));
    }

    @Test
    void anotherAccountsUserSeesNoConversationAndCannotJoinIt() {
        comment(People.AGENT, "Hello", false).statusCode(201);
        People.Person mallory = People.portalUser(UUID.randomUUID(), "account");
        comments(mallory.token()).statusCode(404);
        comment(mallory.token(), "Me too", false).statusCode(404);
        comments(People.AGENT).body("items", hasSize(1));
    }

    @Test
    void anOwnScopeColleagueSeesNoConversationOnCasesNotTheirs() {
        People.Person colleague = People.portalUser(carla.accountId(), "own");
        comments(colleague.token()).statusCode(404);
    }

    @Test
    void aClosedCaseTakesNoMoreComments() {
        transition(People.AGENT, "resolved");
        transition(carla.token(), "closed");
        comment(carla.token(), "One more thing", false).statusCode(409).body("type",
                equalTo("urn:portal:problem:record-locked"));
        comments(carla.token()).body("items", hasSize(0));
    }

    @Test
    void anEmptyCommentIsRefused() {
        comment(carla.token(), " ", false).statusCode(400).body("errors.field", contains("body"));
    }

    @Test
    void commentsOfAnotherSectionAreNotCases() {
        String order = created(carla.token(), "orders", Map.of("number", "PO-9", "amount", 10, "currency", "EUR"));
        given().auth().oauth2(carla.token()).get("/api/sections/cases/records/" + order + "/comments").then().statusCode(404);
    }

    @Test
    void theConversationPages() {
        for (int i = 1; i <= 5; i++) {
            comment(carla.token(), "Message " + i, false).statusCode(201);
        }
        String next = given().auth().oauth2(carla.token()).queryParam("limit", 2)
                .get("/api/sections/cases/records/" + caseId + "/comments").then().statusCode(200)
                .body("items.body", contains("Message 1", "Message 2")).extract().path("nextCursor");
        given().auth().oauth2(carla.token()).queryParam("limit", 3).queryParam("cursor", next)
                .get("/api/sections/cases/records/" + caseId + "/comments").then().statusCode(200)
                .body("items.body", contains("Message 3", "Message 4", "Message 5")).body("nextCursor", nullValue());
    }

    private void transition(String token, String to) {
        given().auth().oauth2(token).contentType("application/json").body(Map.of("to", to))
                .post("/api/sections/cases/records/" + caseId + "/transitions").then().statusCode(200);
    }

    private ValidatableResponse comment(String token, String body, boolean internal) {
        return given().auth().oauth2(token).contentType("application/json").body(Map.of("body", body, "internal", internal))
                .post("/api/sections/cases/records/" + caseId + "/comments").then();
    }

    private ValidatableResponse comments(String token) {
        return given().auth().oauth2(token).get("/api/sections/cases/records/" + caseId + "/comments").then();
    }
}
