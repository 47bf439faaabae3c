package org.portal.sections.webhooks;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.portal.sections.People;
import org.portal.sections.notifications.PendingNotification;
import org.portal.testsupport.HttpStubServer;
import org.portal.testsupport.TestTokens;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
class WebhooksTest {

    private static final String ADMIN = TestTokens.of("admin-1", "portal-admin");
    private static final String AGENT = TestTokens.of("agent-1", "portal-agent");
    private static final String SERVICE = TestTokens.of("service-users", "portal-service");

    @Inject
    WebhookSender sender;

    /** A receiver at the stub server: answers 200, or first 500 and then 200. */
    private static String receiver(boolean failFirst) {
        String path = "/hooks/" + UUID.randomUUID();
        if (failFirst) {
            HttpStubServer.server().stubFor(post(urlEqualTo(path)).inScenario(path).whenScenarioStateIs(Scenario.STARTED)
                    .willReturn(aResponse().withStatus(500)).willSetStateTo("recovered"));
            HttpStubServer.server().stubFor(post(urlEqualTo(path)).inScenario(path).whenScenarioStateIs("recovered")
                    .willReturn(aResponse().withStatus(204)));
        } else {
            HttpStubServer.server().stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(204)));
        }
        return path;
    }

    private static JsonPath register(String path, UUID account, String... events) {
        return given().auth().oauth2(ADMIN).contentType("application/json")
                .body(Map.of("url", "http://localhost:" + HttpStubServer.server().port() + path, "events", List.of(events),
                        "accountId", account))
                .post("/api/admin/webhooks").then().statusCode(201).body("secret", startsWith("whsec_")).extract().jsonPath();
    }

    private static List<LoggedRequest> received(String path) {
        return HttpStubServer.server().findAll(postRequestedFor(urlEqualTo(path)));
    }

    /** Runs the sender until the receiver got this many requests, then once more: a duplicate would show. */
    private void sendUntilReceived(String path, int requests) {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200)).until(() -> {
            sender.sendDue();
            return received(path).size() >= requests;
        });
        sender.sendDue();
    }

    @Test
    void aDeliveryIsSignedTheStandardWayAndRetriedAfterAFailure() throws Exception {
        UUID account = UUID.randomUUID();
        String path = receiver(true);
        JsonPath endpoint = register(path, account, "record.created");
        People.Person carla = People.portalUser(account, "account");
        String caseId = People.created(carla.token(), "cases", Map.of("subject", "Webhook me"));
        sendUntilReceived(path, 2);
        List<LoggedRequest> requests = received(path);
        assertEquals(2, requests.size(), "one failure, one success");
        LoggedRequest last = requests.get(1);
        assertEquals(requests.get(0).getHeader("webhook-id"), last.getHeader("webhook-id"), "a retry is the same message");
        String expected = StandardWebhooks.signature(endpoint.getString("secret"), last.getHeader("webhook-id"),
                Long.parseLong(last.getHeader("webhook-timestamp")), last.getBodyAsString());
        assertEquals(expected, last.getHeader("webhook-signature"));
        JsonPath payload = JsonPath.from(last.getBodyAsString());
        assertEquals("record.created", payload.getString("type"));
        assertEquals(caseId, payload.getString("data.id"));
        given().auth().oauth2(ADMIN).get("/api/admin/webhooks/" + endpoint.getString("id") + "/deliveries").then()
                .statusCode(200).body("[0].status", equalTo("delivered")).body("[0].attempts", equalTo(2));
    }

    @Test
    void anAccountsEndpointHearsOnlyItsAccountAndNoInternalNote() throws Exception {
        UUID account = UUID.randomUUID();
        String path = receiver(false);
        register(path, account, "record.created", "comment.added");
        People.Person carla = People.portalUser(account, "account");
        String caseId = People.created(carla.token(), "cases", Map.of("subject", "Mine"));
        People.created(People.portalUser(UUID.randomUUID(), "account").token(), "cases", Map.of("subject", "Not mine"));
        given().auth().oauth2(AGENT).contentType("application/json").body(Map.of("body", "internal", "internal", true))
                .post("/api/sections/cases/records/" + caseId + "/comments").then().statusCode(201);
        given().auth().oauth2(AGENT).contentType("application/json").body(Map.of("body", "We look into it"))
                .post("/api/sections/cases/records/" + caseId + "/comments").then().statusCode(201);
        sendUntilReceived(path, 2);
        List<String> types = received(path).stream().map(r -> JsonPath.from(r.getBodyAsString()).getString("type")).toList();
        assertEquals(List.of("record.created", "comment.added"), types);
        assertTrue(received(path).get(1).getBodyAsString().contains("We look into it"));
    }

    @Test
    void aTestEventGoesToTheEndpointOnRequest() throws Exception {
        String path = receiver(false);
        String id = register(path, UUID.randomUUID(), "record.updated").getString("id");
        given().auth().oauth2(ADMIN).post("/api/admin/webhooks/" + id + "/test").then().statusCode(202)
                .body("eventType", equalTo("webhook.test"));
        sendUntilReceived(path, 1);
        assertEquals("webhook.test", JsonPath.from(received(path).get(0).getBodyAsString()).getString("type"));
    }

    @Test
    void onlyHttpsEndpointsAndKnownEventsAreTakenAndOnlyByAdministrators() {
        given().auth().oauth2(ADMIN).contentType("application/json")
                .body(Map.of("url", "http://partner.example/hooks", "events", List.of("record.created")))
                .post("/api/admin/webhooks").then().statusCode(400).body("errors.field", org.hamcrest.Matchers.contains("url"));
        given().auth().oauth2(ADMIN).contentType("application/json")
                .body(Map.of("url", "https://partner.example/hooks", "events", List.of("record.deleted")))
                .post("/api/admin/webhooks").then().statusCode(400);
        given().auth().oauth2(AGENT).get("/api/admin/webhooks").then().statusCode(403);
    }

    @Test
    void anAccountAdministratorManagesTheirAccountsEndpointsOnly() {
        UUID account = UUID.randomUUID();
        String admin = People.accountAdministrator(account).token();
        String theirs = given().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("url", "https://partner.example/acme", "events", List.of("record.created")))
                .post("/api/admin/webhooks").then().statusCode(201).body("accountId", equalTo(account.toString()))
                .extract().path("id");
        given().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("url", "https://partner.example/other", "events", List.of("record.created"), "accountId",
                        UUID.randomUUID()))
                .post("/api/admin/webhooks").then().statusCode(400)
                .body("errors.field", org.hamcrest.Matchers.contains("accountId"));
        String others = register(receiver(false), UUID.randomUUID(), "record.created").getString("id");
        given().auth().oauth2(admin).get("/api/admin/webhooks").then().statusCode(200)
                .body("id", org.hamcrest.Matchers.contains(theirs));
        given().auth().oauth2(admin).get("/api/admin/webhooks/" + others).then().statusCode(404);
        given().auth().oauth2(People.portalUser(account, "account").token()).get("/api/admin/webhooks").then()
                .statusCode(403);
    }

    @Test
    void userEventsHandedInAreDeliveredOncePerEndpointOfTheirAccount() throws Exception {
        UUID account = UUID.randomUUID();
        String path = receiver(false);
        register(path, account, "user.blocked");
        String other = receiver(false);
        register(other, UUID.randomUUID(), "user.blocked");
        UUID eventId = UUID.randomUUID();
        String userId = UUID.randomUUID().toString();
        Map<String, Object> event = Map.of("id", eventId, "type", "user.blocked", "accountId", account, "occurredAt",
                "2026-12-01T10:00:00Z", "data", Map.of("userId", userId, "blockedBy", "portal-staff"));
        for (int i = 0; i < 2; i++) {
            given().auth().oauth2(SERVICE).contentType("application/json").body(event).post("/internal/webhook-events").then()
                    .statusCode(204);
        }
        sendUntilReceived(path, 1);
        assertEquals(1, received(path).size(), "handed in twice, delivered once");
        JsonPath payload = JsonPath.from(received(path).get(0).getBodyAsString());
        assertEquals("user.blocked", payload.getString("type"));
        assertEquals(userId, payload.getString("data.userId"));
        assertEquals("2026-12-01T10:00:00Z", payload.getString("timestamp"));
        assertEquals(List.of(), received(other), "another account's endpoint hears nothing");

        given().auth().oauth2(SERVICE).contentType("application/json")
                .body(Map.of("id", UUID.randomUUID(), "type", "record.created", "accountId", account, "occurredAt",
                        "2026-12-01T10:00:00Z", "data", Map.of()))
                .post("/internal/webhook-events").then().statusCode(400);
        given().auth().oauth2(ADMIN).contentType("application/json").body(event).post("/internal/webhook-events").then()
                .statusCode(403);
    }

    @Test
    void anEndpointThatKeepsFailingIsDisabledAndStaffAndItsRegistrantAreTold() throws Exception {
        UUID account = UUID.randomUUID();
        People.Person admin = People.accountAdministrator(account);
        String path = "/hooks/" + UUID.randomUUID();
        HttpStubServer.server().stubFor(post(urlEqualTo(path)).willReturn(aResponse().withStatus(500)));
        String url = "http://localhost:" + HttpStubServer.server().port() + path;
        String id = given().auth().oauth2(admin.token()).contentType("application/json")
                .body(Map.of("url", url, "events", List.of("record.created"))).post("/api/admin/webhooks").then()
                .statusCode(201).extract().path("id");
        People.Person carla = People.portalUser(account, "account");
        for (int i = 0; i < 3; i++) {
            People.created(carla.token(), "cases", Map.of("subject", "Failing " + i));
        }
        sendUntilReceived(path, 3);
        given().auth().oauth2(ADMIN).get("/api/admin/webhooks/" + id).then().statusCode(200).body("enabled", equalTo(false))
                .body("disabledReason", org.hamcrest.Matchers.containsString("3 failed deliveries in a row"));

        @SuppressWarnings("unchecked")
        List<PendingNotification> told = QuarkusTransaction.requiringNew().call(() -> PendingNotification.getEntityManager()
                .createNativeQuery("SELECT * FROM notification_outbox WHERE kind = 'webhook-disabled' AND facts->>'url' = :url",
                        PendingNotification.class)
                .setParameter("url", url).getResultList());
        assertEquals(2, told.size(), "staff and the account administrator who registered it");
        assertTrue(told.stream().anyMatch(n -> n.recipientUserId == null && n.facts.get("scope").contains(account.toString())));
        assertTrue(told.stream().anyMatch(n -> admin.userId().equals(n.recipientUserId)));
    }
}
