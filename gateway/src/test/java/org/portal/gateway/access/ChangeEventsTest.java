package org.portal.gateway.access;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.portal.gateway.DownstreamServices.json;
import static org.portal.gateway.DownstreamServices.portalUser;
import static org.portal.gateway.DownstreamServices.server;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.portal.events.ChangeEventPublisher;
import org.portal.gateway.DownstreamServices;
import org.portal.testsupport.TestTokens;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;

/** A change published on Redis reaches the gateway's cache: the next call sees it, not the cached answer. */
@QuarkusTest
class ChangeEventsTest {

    @Inject
    RedisDataSource redis;

    @ConfigProperty(name = "portal.redis-namespace")
    String namespace;

    @BeforeAll
    static void sectionsService() {
        server().stubFor(get(urlEqualTo("/api/sections/knowledge-base/records")).willReturn(json(200, "{\"items\":[]}")));
    }

    private void publish(String event) {
        redis.pubsub(String.class).publish(ChangeEventPublisher.channel(namespace), event);
    }

    private static int status(String token) {
        return given().auth().oauth2(token).get("/api/sections/knowledge-base/records").statusCode();
    }

    /** The change must show within a second: polled, never slept for a fixed time. */
    private static void within(long millis, String token, int expected) {
        Awaitility.await().atMost(Duration.ofMillis(millis)).pollInterval(Duration.ofMillis(25))
                .until(() -> status(token), equalTo(expected));
    }

    /** An active customer whose calls pass, and whose seat licensing-service no longer knows of. */
    private record Customer(UUID userId, String token) {
    }

    private static Customer customerWhoseSeatIsGone() {
        String subject = "user-" + UUID.randomUUID();
        UUID userId = portalUser(subject, "active", "customer", 1000, DownstreamServices.CUSTOMER_GRANTS);
        String token = TestTokens.of(subject, "portal-user");
        assertEquals(200, status(token));
        server().stubFor(get(urlEqualTo("/internal/users/" + userId + "/entitlement")).willReturn(json(404, "{}")));
        return new Customer(userId, token);
    }

    @Test
    void aBlockedUserIsRefusedWithinASecondOfUserChanged() throws Exception {
        String subject = "user-" + UUID.randomUUID();
        UUID userId = portalUser(subject, "active", "customer", 1000, DownstreamServices.CUSTOMER_GRANTS);
        String token = TestTokens.of(subject, "portal-user");
        assertEquals(200, status(token));

        portalUser(subject, "blocked", "customer", 1000, DownstreamServices.CUSTOMER_GRANTS);
        assertEquals(200, status(token), "cached until told");
        publish("{\"kind\":\"user-changed\",\"userId\":\"" + userId + "\",\"subject\":\"" + subject + "\"}");
        within(1000, token, 403);
        given().auth().oauth2(token).get("/api/sections/knowledge-base/records").then()
                .body("type", equalTo("urn:portal:problem:user-not-active"));
    }

    @Test
    void aRevokedSeatIsRefusedWithinASecondOfSeatChanged() {
        Customer customer = customerWhoseSeatIsGone();
        publish("{\"kind\":\"seat-changed\",\"userId\":\"" + customer.userId() + "\",\"licenseId\":\"lic-1\"}");
        within(1000, customer.token(), 403);
    }

    @Test
    void anEventOfAKindThisVersionDoesNotKnowIsPassedOver() {
        Customer customer = customerWhoseSeatIsGone();
        Customer marker = customerWhoseSeatIsGone();
        // A newer publisher's kind is no reason to drop anything, nor to stop listening. Events are
        // handled in the order published: once the marker's seat-changed shows, the unknown one was handled.
        publish("{\"kind\":\"seat-moved-to-mars\",\"userId\":\"" + customer.userId() + "\"}");
        publish("{\"kind\":\"seat-changed\",\"userId\":\"" + marker.userId() + "\",\"licenseId\":\"lic-1\"}");
        within(1000, marker.token(), 403);
        assertEquals(200, status(customer.token()), "still the cached context");
        publish("{\"kind\":\"seat-changed\",\"userId\":\"" + customer.userId() + "\",\"licenseId\":\"lic-1\"}");
        within(1000, customer.token(), 403);
    }
}
