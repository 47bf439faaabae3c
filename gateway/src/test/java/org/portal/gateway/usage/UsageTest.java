package org.portal.gateway.usage;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.putRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.portal.gateway.DownstreamServices.json;
import static org.portal.gateway.DownstreamServices.portalUser;
import static org.portal.gateway.DownstreamServices.server;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.portal.gateway.DownstreamServices;
import org.portal.gateway.quota.QuotaCounter;
import org.portal.testsupport.TestTokens;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class UsageTest {

    private static final String ADMIN = TestTokens.of("admin-1", "portal-admin");

    @Inject
    UsageFlusher flusher;

    @Inject
    QuotaCounter counter;

    @Inject
    RedisDataSource redis;

    @BeforeAll
    static void services() {
        server().stubFor(get(urlEqualTo("/api/sections/knowledge-base/records")).willReturn(json(200, "{\"items\":[]}")));
        server().stubFor(put(urlEqualTo("/internal/usage")).willReturn(aResponse().withStatus(204)));
    }

    @Test
    void anAdministratorsResetLetsAUserOverTheLimitCallAgain() {
        String subject = "user-" + UUID.randomUUID();
        UUID userId = portalUser(subject, "active", "customer", 1, DownstreamServices.CUSTOMER_GRANTS);
        String token = TestTokens.of(subject, "portal-user");
        given().auth().oauth2(token).get("/api/sections/knowledge-base/records").then().statusCode(200);
        given().auth().oauth2(token).get("/api/sections/knowledge-base/records").then().statusCode(429);
        server().stubFor(post(urlEqualTo("/internal/usage/adjustments")).willReturn(json(200, """
                {"id":1,"userId":"%s","day":"%s","callsBefore":1,"callsAfter":0,"actor":"admin-1","reason":"support"}
                """.formatted(userId, LocalDate.now(ZoneOffset.UTC)))));
        given().auth().oauth2(ADMIN).contentType("application/json").body(Map.of("calls", 0, "reason", "support"))
                .post("/api/usage/users/" + userId + "/adjustments").then().statusCode(200);
        given().auth().oauth2(token).get("/api/sections/knowledge-base/records").then().statusCode(200);
    }

    @Test
    void countersAreCopiedToTheDurableStore() {
        String subject = "user-" + UUID.randomUUID();
        UUID userId = portalUser(subject, "active", "customer", 10, DownstreamServices.CUSTOMER_GRANTS);
        given().auth().oauth2(TestTokens.of(subject, "portal-user")).get("/api/sections/knowledge-base/records").then()
                .statusCode(200);
        flusher.flush();
        server().verify(putRequestedFor(urlEqualTo("/internal/usage")).withRequestBody(containing(userId.toString())));
    }

    /**
     * The counter also holds numbers leased and not used yet, this gateway's and others': the copy has the
     * calls made, as the gateways report them, never the numbers held for calls to come.
     */
    @Test
    void theCopyHasTheCallsMadeNotTheNumbersLeasedForThem() {
        String subject = "user-" + UUID.randomUUID();
        UUID userId = portalUser(subject, "active", "customer", 1000, DownstreamServices.CUSTOMER_GRANTS);
        String token = TestTokens.of(subject, "portal-user");
        for (int i = 0; i < 10; i++) {
            given().auth().oauth2(token).get("/api/sections/knowledge-base/records").then().statusCode(200);
        }
        String key = counter.key(userId, counter.today());
        // Another gateway holds a lease of 32 of this user's numbers and has not used them yet.
        redis.value(Long.class).incrby(key, 32);
        Awaitility.await("this gateway's lease goes back idle, and its calls are reported").atMost(Duration.ofSeconds(5))
                .until(() -> "10".equals(redis.value(String.class).get(counter.callsKey(key))));
        assertEquals("42", redis.value(String.class).get(key), "the calls made and the other gateway's lease");
        flusher.flush();
        server().verify(putRequestedFor(urlEqualTo("/internal/usage"))
                .withRequestBody(matchingJsonPath("$[?(@.userId == '" + userId + "' && @.calls == 10)]")));
    }

    @Test
    void theCopyCarriesRefusalsAndWhatTheCallsWereMadeUnder() {
        String subject = "user-" + UUID.randomUUID();
        UUID userId = portalUser(subject, "active", "customer", 1, DownstreamServices.CUSTOMER_GRANTS);
        String token = TestTokens.of(subject, "portal-user");
        given().auth().oauth2(token).get("/api/sections/knowledge-base/records").then().statusCode(200);
        given().auth().oauth2(token).get("/api/sections/knowledge-base/records").then().statusCode(429);
        given().auth().oauth2(token).get("/api/sections/knowledge-base/records").then().statusCode(429);
        flusher.flush();
        server().verify(putRequestedFor(urlEqualTo("/internal/usage")).withRequestBody(matchingJsonPath("$[?(@.userId == '"
                + userId + "' && @.calls == 1 && @.refused == 2 && @.edition == 'customer' && @.licenseId == 'lic-1'"
                + " && @.accountId && @.gatewayId)]")));
    }

    @Test
    void usageShowsStoredDaysAndTodaysLiveCount() {
        String subject = "user-" + UUID.randomUUID();
        UUID userId = portalUser(subject, "active", "customer", 10, DownstreamServices.CUSTOMER_GRANTS);
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        server().stubFor(get(urlPathEqualTo("/internal/usage/users/" + userId)).willReturn(json(200, """
                [{"userId":"%s","day":"%s","calls":5}]""".formatted(userId, today.minusDays(1)))));
        given().auth().oauth2(TestTokens.of(subject, "portal-user")).get("/api/sections/knowledge-base/records").then()
                .statusCode(200);
        given().auth().oauth2(ADMIN).get("/api/usage/users/" + userId).then().statusCode(200)
                .body("day", contains(today.minusDays(1).toString(), today.toString()))
                .body("calls", contains(5, 1));
    }

    @Test
    void usageIsForAdministrators() {
        given().auth().oauth2(TestTokens.of("someone", "portal-user")).get("/api/usage/users/" + UUID.randomUUID()).then()
                .statusCode(403);
    }
}
