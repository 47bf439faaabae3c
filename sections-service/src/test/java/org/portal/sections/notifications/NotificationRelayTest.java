package org.portal.sections.notifications;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.portal.sections.People;
import org.portal.testsupport.HttpStubServer;
import org.portal.testsupport.TestTokens;

import com.github.tomakehurst.wiremock.client.WireMock;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class NotificationRelayTest {

    private static final String AGENT = TestTokens.of("agent-1", "portal-agent");

    @Inject
    NotificationRelay relay;

    @BeforeEach
    void portalUsersTakesNotifications() {
        HttpStubServer.server().stubFor(post(urlEqualTo("/internal/notifications")).atPriority(10)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"outcome\":\"QUEUED\"}")));
    }

    private static String caseOf(People.Person person) {
        return People.created(person.token(), "cases", Map.of("subject", "Scanner jams"));
    }

    private static void comment(String token, String caseId, String body, boolean internal) {
        given().auth().oauth2(token).contentType("application/json").body(Map.of("body", body, "internal", internal))
                .post("/api/sections/cases/records/" + caseId + "/comments").then().statusCode(201);
    }

    private static List<PendingNotification> to(People.Person person) {
        return QuarkusTransaction.requiringNew().call(() -> PendingNotification.<PendingNotification> list(
                "recipientUserId = ?1 order by createdAt", person.userId()));
    }

    /** Rounds until the person's first notification was tried: other tests' notifications may be due before it. */
    private void relayUntilTried(People.Person person) {
        for (int round = 0; round < 100; round++) {
            PendingNotification first = to(person).get(0);
            if (first.relayedAt != null || first.attempts > 0) {
                return;
            }
            relay.relayDue();
        }
    }

    @Test
    void anAgentsAnswerIsRelayedForTheCasesContact() {
        People.Person carla = People.portalUser(UUID.randomUUID(), "account");
        String caseId = caseOf(carla);
        comment(AGENT, caseId, "Please clean the rollers.", false);
        List<PendingNotification> pending = to(carla);
        assertEquals(1, pending.size());
        assertEquals("case-comment", pending.get(0).kind);
        assertEquals("Scanner jams", pending.get(0).facts.get("subject"));
        assertEquals("/cases/" + caseId, pending.get(0).facts.get("path"));
        relayUntilTried(carla);
        assertNotNull(to(carla).get(0).relayedAt);
        HttpStubServer.server().verify(1, postRequestedFor(urlEqualTo("/internal/notifications"))
                .withRequestBody(matchingJsonPath("$.recipientUserId", WireMock.equalTo(carla.userId().toString())))
                .withRequestBody(matchingJsonPath("$.id", WireMock.equalTo(pending.get(0).id.toString()))));
    }

    @Test
    void internalNotesAndTheCustomersOwnWordsNotifyNobody() {
        People.Person carla = People.portalUser(UUID.randomUUID(), "account");
        String caseId = caseOf(carla);
        comment(AGENT, caseId, "Known issue PRB-3.", true);
        comment(carla.token(), caseId, "Any news?", false);
        assertEquals(List.of(), to(carla));
    }

    @Test
    void whilePortalUsersCannotTakeItTheNotificationWaitsAndIsTriedAgain() {
        People.Person carla = People.portalUser(UUID.randomUUID(), "account");
        HttpStubServer.server().stubFor(post(urlEqualTo("/internal/notifications")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.recipientUserId", WireMock.equalTo(carla.userId().toString())))
                .willReturn(aResponse().withStatus(503)));
        comment(AGENT, caseOf(carla), "We are on it.", false);
        relayUntilTried(carla);
        PendingNotification waiting = to(carla).get(0);
        assertNull(waiting.relayedAt);
        assertEquals(1, waiting.attempts);
        assertNotNull(waiting.lastError);
    }

    @Test
    void anApprovalRequestNotifiesEachApprover() {
        UUID account = UUID.randomUUID();
        People.Person pat = People.portalUser(account, "account");
        People.Person ann = People.portalUser(account, "account");
        People.Person bob = People.portalUser(account, "account");
        String order = People.created(pat.token(), "orders", Map.of("number", "PO-77", "amount", 10, "currency", "EUR"));
        given().auth().oauth2(pat.token()).contentType("application/json")
                .body(Map.of("approvers", List.of(ann.userId(), bob.userId()), "message", "Urgent"))
                .post("/api/sections/orders/records/" + order + "/approvals").then().statusCode(201);
        for (People.Person approver : List.of(ann, bob)) {
            PendingNotification notification = to(approver).get(0);
            assertEquals("approval-requested", notification.kind);
            assertEquals("Orders \"PO-77\"", notification.facts.get("title"));
            assertEquals("Urgent", notification.facts.get("message"));
        }
    }

    @Test
    void theRequesterHearsTheDecision() {
        UUID account = UUID.randomUUID();
        People.Person pat = People.portalUser(account, "account");
        People.Person ann = People.portalUser(account, "account");
        String order = People.created(pat.token(), "orders", Map.of("number", "PO-78", "amount", 10, "currency", "EUR"));
        given().auth().oauth2(pat.token()).contentType("application/json").body(Map.of("approvers", List.of(ann.userId())))
                .post("/api/sections/orders/records/" + order + "/approvals").then().statusCode(201);
        String approval = given().auth().oauth2(ann.token()).get("/api/approvals").then().statusCode(200).extract()
                .path("items[0].id");
        given().auth().oauth2(ann.token()).contentType("application/json")
                .body(Map.of("decision", "reject", "comment", "Too expensive"))
                .post("/api/approvals/" + approval + "/decision").then().statusCode(200);
        PendingNotification decided = to(pat).get(0);
        assertEquals("approval-decided", decided.kind);
        assertEquals("rejected", decided.facts.get("decision"));
        assertEquals("Too expensive", decided.facts.get("comment"));
    }
}
