package org.portal.users.webhooks;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.portal.testsupport.HttpStubServer;
import org.portal.users.Fixtures;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** Partner systems hear of portal users joining and being blocked: handed to sections-service, retried until it takes them. */
@QuarkusTest
class UserWebhookEventsTest {

    private static final String INTAKE = "/internal/webhook-events";

    private static void sectionsAnswers(int status) {
        HttpStubServer.server().stubFor(post(urlEqualTo(INTAKE)).willReturn(aResponse().withStatus(status)));
    }

    private static void awaitHandedIn(String type, String userId) {
        await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> HttpStubServer.server()
                .verify(postRequestedFor(urlEqualTo(INTAKE)).withRequestBody(matchingJsonPath("$.type", containing(type)))
                        .withRequestBody(matchingJsonPath("$.data.userId", containing(userId)))));
    }

    @Test
    void aJoinedAndABlockedUserAreHandedOnRetriedUntilTaken() {
        // Events of earlier tests still queued would each fail once ahead of this test's (the relay stops at
        // the first failure, to keep the order): they are set aside, so this test waits for its own only.
        QuarkusTransaction.requiringNew().run(() -> PendingWebhookEvent.getEntityManager()
                .createNativeQuery("UPDATE webhook_events SET relayed_at = now() WHERE relayed_at IS NULL").executeUpdate());
        sectionsAnswers(503);
        String account = Fixtures.account("Hooked");
        String userId = Fixtures.user(Fixtures.newSubject(), account, false);
        await().atMost(Duration.ofSeconds(20)).until(() -> QuarkusTransaction.requiringNew()
                .call(() -> ((Number) PendingWebhookEvent.getEntityManager().createNativeQuery("""
                        SELECT count(*) FROM webhook_events
                        WHERE type = 'user.registered' AND data->>'userId' = :user AND attempts > 0""")
                        .setParameter("user", userId).getSingleResult()).longValue() > 0));

        sectionsAnswers(204);
        awaitHandedIn("user.registered", userId);
        given().auth().oauth2(Fixtures.ADMIN).contentType("application/json").body(Map.of("status", "blocked"))
                .patch("/api/users/" + userId).then().statusCode(200);
        awaitHandedIn("user.blocked", userId);
        HttpStubServer.server().verify(postRequestedFor(urlEqualTo(INTAKE))
                .withRequestBody(matchingJsonPath("$.data.blockedBy", containing("portal-staff")))
                .withRequestBody(matchingJsonPath("$.accountId", containing(account))));
    }
}
