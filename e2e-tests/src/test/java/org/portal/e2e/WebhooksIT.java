package org.portal.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import io.restassured.path.json.JsonPath;

/**
 * A partner system's receiver on this machine, as a partner would write one: it verifies each delivery
 * with the Standard Webhooks signature and fails the first, which the portal sends again.
 */
class WebhooksIT {

    private record Received(String id, String timestamp, String signature, String body) {
    }

    @Test
    void aNewCaseIsDeliveredSignedAndRetriedAfterTheReceiverFailedOnce() throws IOException {
        List<Received> received = new CopyOnWriteArrayList<>();
        AtomicInteger calls = new AtomicInteger();
        HttpServer receiver = receiver("/hooks", received, () -> calls.getAndIncrement() == 0 ? 503 : 204);
        try {
            String admin = RunningSystem.token("admin");
            String acme = RunningSystem.accountId(admin, "Acme");
            JsonPath endpoint = given().auth().oauth2(admin).contentType("application/json")
                    .body(Map.of("url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks", "events",
                            List.of("record.created"), "accountId", acme))
                    .post(RunningSystem.GATEWAY + "/api/admin/webhooks").then().statusCode(201).extract().jsonPath();
            String caseId = given().auth().oauth2(RunningSystem.token("customer-acme")).contentType("application/json")
                    .body(Map.of("values", Map.of("subject", "Partner sync test")))
                    .post(RunningSystem.GATEWAY + "/api/sections/cases/records").then().statusCode(201).extract().path("id");
            Awaitility.await("a failed delivery and its retry").atMost(Duration.ofSeconds(60))
                    .until(() -> received.size() >= 2);
            Received first = received.get(0);
            Received retry = received.get(1);
            assertEquals(first.id(), retry.id(), "the retry is the same message");
            assertEquals(sign(endpoint.getString("secret"), retry), retry.signature());
            assertEquals(caseId, JsonPath.from(retry.body()).getString("data.id"));
            assertEquals("record.created", JsonPath.from(retry.body()).getString("type"));
            given().auth().oauth2(admin).delete(RunningSystem.GATEWAY + "/api/admin/webhooks/" + endpoint.getString("id"))
                    .then().statusCode(204);
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    void aPersonJoiningAndBeingBlockedIsReportedToTheirAccountsEndpoint() throws IOException {
        List<Received> received = new CopyOnWriteArrayList<>();
        HttpServer receiver = receiver("/people", received, () -> 204);
        try {
            String admin = RunningSystem.token("admin");
            String globex = RunningSystem.accountId(admin, "Globex");
            JsonPath endpoint = given().auth().oauth2(admin).contentType("application/json")
                    .body(Map.of("url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/people", "events",
                            List.of("user.registered", "user.blocked"), "accountId", globex))
                    .post(RunningSystem.GATEWAY + "/api/admin/webhooks").then().statusCode(201).extract().jsonPath();
            RunningSystem.LinkedPerson person = RunningSystem.linkedPortalUser(admin, globex, "hooked", null);
            given().auth().oauth2(admin).post(RunningSystem.GATEWAY + "/api/users/" + person.userId() + "/block").then()
                    .statusCode(200);
            Awaitility.await("user.registered and user.blocked").atMost(Duration.ofSeconds(60))
                    .until(() -> received.stream().filter(r -> r.body().contains(person.userId())).count() >= 2);
            List<Received> about = received.stream().filter(r -> r.body().contains(person.userId())).toList();
            assertEquals(List.of("user.registered", "user.blocked"),
                    about.stream().map(r -> JsonPath.from(r.body()).getString("type")).toList());
            for (Received delivery : about) {
                assertEquals(sign(endpoint.getString("secret"), delivery), delivery.signature());
                assertEquals(globex, JsonPath.from(delivery.body()).getString("data.accountId"));
            }
            assertEquals("portal-staff", JsonPath.from(about.get(1).body()).getString("data.blockedBy"));
            given().auth().oauth2(admin).delete(RunningSystem.GATEWAY + "/api/admin/webhooks/" + endpoint.getString("id"))
                    .then().statusCode(204);
        } finally {
            receiver.stop(0);
        }
    }

    @Test
    void theDemoPartnersInboxVerifiesEveryDeliveryItGets() throws IOException {
        String inbox = RunningSystem.service("webhook-inbox");
        String admin = RunningSystem.token("admin");
        given().auth().oauth2(admin).get(RunningSystem.GATEWAY + "/api/admin/webhooks").then().statusCode(200)
                .body("find { it.url == '" + inbox + "' }.enabled", org.hamcrest.Matchers.equalTo(true));
        Path log = LocalRunner.STATE.resolve("logs").resolve("webhook-inbox.log");
        given().auth().oauth2(RunningSystem.token("customer-globex")).contentType("application/json")
                .body(Map.of("values", Map.of("subject", "Seen by the demo partner")))
                .post(RunningSystem.GATEWAY + "/api/sections/cases/records").then().statusCode(201);
        Awaitility.await("the demo inbox logs the new case").atMost(Duration.ofSeconds(60))
                .until(() -> Files.readString(log).contains(" record.created verified"));
        List<String> deliveries = Files.readAllLines(log).stream().filter(line -> line.contains(" msg_")).toList();
        assertEquals(List.of(), deliveries.stream().filter(line -> !line.endsWith(" verified")).toList(),
                "every delivery verifies; the seeded users were reported too: " + deliveries.size());
        org.junit.jupiter.api.Assertions.assertTrue(
                deliveries.stream().filter(line -> line.contains(" user.registered ")).count() >= 4,
                "the four seeded users joined after the endpoint was registered");
    }

    /** A receiver on this machine that keeps what it gets and answers each delivery with the status given. */
    private static HttpServer receiver(String path, List<Received> received, IntSupplier status) throws IOException {
        HttpServer receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext(path, exchange -> {
            received.add(new Received(exchange.getRequestHeaders().getFirst("webhook-id"),
                    exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                    exchange.getRequestHeaders().getFirst("webhook-signature"),
                    new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
            exchange.sendResponseHeaders(status.getAsInt(), -1);
            exchange.close();
        });
        receiver.start();
        return receiver;
    }

    /** What the receiver computes: HMAC-SHA256 of id.timestamp.body with the secret's key bytes. */
    private static String sign(String secret, Received delivery) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            byte[] digest = mac.doFinal(
                    (delivery.id() + "." + delivery.timestamp() + "." + delivery.body()).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(digest);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
