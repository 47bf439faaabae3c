package org.portal.gateway.quota;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.portal.gateway.DownstreamServices.json;
import static org.portal.gateway.DownstreamServices.portalUser;
import static org.portal.gateway.DownstreamServices.server;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.portal.gateway.DownstreamServices;
import org.portal.testsupport.MutableClock;
import org.portal.testsupport.TestTokens;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class QuotaRulesTest {

    @Inject
    QuotaCounter counter;

    @Inject
    RedisDataSource redis;

    MutableClock clock;

    @BeforeAll
    static void sectionsService() {
        server().stubFor(get(urlEqualTo("/api/sections/knowledge-base/records")).willReturn(json(200, "{\"items\":[]}")));
    }

    @AfterEach
    void realTime() {
        QuarkusMock.installMockForType(Clock.systemUTC(), Clock.class);
    }

    private String userWithLimit(int limit) {
        String subject = "user-" + UUID.randomUUID();
        portalUser(subject, "active", "customer", limit, DownstreamServices.CUSTOMER_GRANTS);
        return subject;
    }

    private static int call(String subject) {
        return given().auth().oauth2(TestTokens.of(subject, "portal-user")).get("/api/sections/knowledge-base/records")
                .statusCode();
    }

    /** The usage copy reads counter keys back: what key() writes, parseKey() reads, and nothing else. */
    @Test
    void aCounterKeyReadsBackAsItsUserAndDay() {
        UUID user = UUID.randomUUID();
        LocalDate day = LocalDate.of(2026, 12, 2);
        org.junit.jupiter.api.Assertions.assertEquals(java.util.Optional.of(new QuotaCounter.UserDay(user, day)),
                counter.parseKey(counter.key(user, day)));
        for (String other : java.util.List.of(counter.key(user, day) + ":x", "other:quota:" + user + ":" + day,
                counter.keyPattern().replace("*", "not-a-uuid:" + day),
                counter.keyPattern().replace("*", user + ":2026-13-01"))) {
            org.junit.jupiter.api.Assertions.assertEquals(java.util.Optional.empty(), counter.parseKey(other), other);
        }
    }

    @Test
    void afterRedisLosesTheCountersTheDayContinuesFromTheDurableCount() {
        String subject = "user-" + UUID.randomUUID();
        UUID userId = portalUser(subject, "active", "customer", 7, DownstreamServices.CUSTOMER_GRANTS);
        for (int i = 0; i < 5; i++) {
            org.junit.jupiter.api.Assertions.assertEquals(200, call(subject));
        }
        LocalDate today = counter.today();
        server().stubFor(get(urlPathEqualTo("/internal/usage/users/" + userId)).willReturn(json(200,
                "[{\"userId\":\"" + userId + "\",\"day\":\"" + today + "\",\"calls\":5}]")));
        redis.key().del(counter.key(userId, today));

        org.junit.jupiter.api.Assertions.assertEquals(200, call(subject));
        org.junit.jupiter.api.Assertions.assertEquals(200, call(subject));
        org.junit.jupiter.api.Assertions.assertEquals(429, call(subject));
    }

    @Test
    void aBurstOfFirstCallsAsksForTheDurableCountOnceAndStaysExact() throws Exception {
        String subject = "user-" + UUID.randomUUID();
        UUID userId = portalUser(subject, "active", "customer", 7, DownstreamServices.CUSTOMER_GRANTS);
        String usage = "/internal/usage/users/" + userId;
        server().stubFor(get(urlPathEqualTo(usage)).willReturn(json(200,
                "[{\"userId\":\"" + userId + "\",\"day\":\"" + counter.today() + "\",\"calls\":5}]")
                .withFixedDelay(500)));
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(10);
        java.util.List<java.util.concurrent.Future<Integer>> calls = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                calls.add(pool.submit(() -> call(subject)));
            }
            long admitted = 0;
            for (java.util.concurrent.Future<Integer> result : calls) {
                admitted += result.get() == 200 ? 1 : 0;
            }
            org.junit.jupiter.api.Assertions.assertEquals(2, admitted);
        } finally {
            pool.shutdown();
        }
        server().verify(1, getRequestedFor(urlPathEqualTo(usage)));
    }

    @Test
    void aDurableStoreThatDoesNotAnswerStartsTheCounterFromZero() {
        String subject = "user-" + UUID.randomUUID();
        UUID userId = portalUser(subject, "active", "customer", 2, DownstreamServices.CUSTOMER_GRANTS);
        server().stubFor(get(urlPathEqualTo("/internal/usage/users/" + userId)).willReturn(json(500, "{}")));
        org.junit.jupiter.api.Assertions.assertEquals(200, call(subject));
        org.junit.jupiter.api.Assertions.assertEquals(200, call(subject));
        org.junit.jupiter.api.Assertions.assertEquals(429, call(subject));
    }

    @Test
    void theCounterStartsAgainWhenTheDayTurns() {
        clock = new MutableClock(LocalDate.now(ZoneOffset.UTC).atTime(23, 59, 58).toInstant(ZoneOffset.UTC));
        QuarkusMock.installMockForType(clock, Clock.class);
        String subject = userWithLimit(1);
        org.junit.jupiter.api.Assertions.assertEquals(200, call(subject));
        org.junit.jupiter.api.Assertions.assertEquals(429, call(subject));
        clock.advance(Duration.ofSeconds(3));
        org.junit.jupiter.api.Assertions.assertEquals(200, call(subject));
    }

    @Test
    void theResetIsAnnouncedInSecondsToMidnight() {
        clock = new MutableClock(LocalDate.now(ZoneOffset.UTC).atTime(23, 0).toInstant(ZoneOffset.UTC));
        QuarkusMock.installMockForType(clock, Clock.class);
        String subject = userWithLimit(5);
        given().auth().oauth2(TestTokens.of(subject, "portal-user")).get("/api/sections/knowledge-base/records").then()
                .header("RateLimit", "\"daily\";r=4;t=3600");
    }

    @Test
    void aUserOverTheLimitIsRefusedWithoutAskingRedisAgain() {
        String subject = userWithLimit(1);
        UUID userId = UUID.fromString(given().auth().oauth2(TestTokens.of("svc", "portal-service"))
                .baseUri(server().baseUrl()).get("/internal/subjects/" + subject).then().extract().path("userId"));
        org.junit.jupiter.api.Assertions.assertEquals(200, call(subject));
        org.junit.jupiter.api.Assertions.assertEquals(429, call(subject));
        redis.key().del(counter.key(userId, LocalDate.now(ZoneOffset.UTC)));
        org.junit.jupiter.api.Assertions.assertEquals(429, call(subject), "remembered until the day turns");
    }

    @Test
    void theRequestIdFollowsTheCallToTheServiceAndBack() {
        String subject = userWithLimit(10);
        given().auth().oauth2(TestTokens.of(subject, "portal-user")).header("X-Request-Id", "trace-42")
                .get("/api/sections/knowledge-base/records").then().statusCode(200).header("X-Request-Id", "trace-42");
        server().verify(getRequestedFor(urlEqualTo("/api/sections/knowledge-base/records"))
                .withHeader("X-Request-Id", equalTo("trace-42")));
    }

    @Test
    void aBodyOverTheLimitIsRefusedBeforeItReachesAService() {
        given().auth().oauth2(TestTokens.of(userWithLimit(10), "portal-user")).contentType("application/json")
                .body("x".repeat(1_048_577)).post("/api/sections/cases/records").then().statusCode(413)
                .contentType("application/problem+json");
    }

    @Test
    void aChunkedBodyIsPassedOnUntilItGrowsPastTheLimit() {
        String token = TestTokens.of(userWithLimit(10), "portal-user");
        server().stubFor(com.github.tomakehurst.wiremock.client.WireMock.post(urlEqualTo("/api/sections/cases/records"))
                .willReturn(json(201, "{}")));
        // An InputStream body has no length, so it is sent chunked.
        given().auth().oauth2(token).contentType("application/json")
                .body(new java.io.ByteArrayInputStream("{\"values\":{\"subject\":\"chunked\"}}".getBytes()))
                .post("/api/sections/cases/records").then().statusCode(201);
        server().verify(
                com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(urlEqualTo("/api/sections/cases/records"))
                        .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("chunked")));
        given().auth().oauth2(token).contentType("application/json")
                .body(new java.io.ByteArrayInputStream(new byte[3 * 1_048_576]))
                .post("/api/sections/cases/records").then().statusCode(413)
                .contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.equalTo("urn:portal:problem:payload-too-large"));
    }

    @Test
    void browsersFromTheConfiguredOriginMayCall() {
        given().header("Origin", "http://localhost:5173").header("Access-Control-Request-Method", "GET")
                .options("/api/sections/knowledge-base/records").then()
                .header("Access-Control-Allow-Origin", "http://localhost:5173");
    }

}
