package org.portal.gateway.quota;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.portal.gateway.DownstreamServices.json;
import static org.portal.gateway.DownstreamServices.portalUser;
import static org.portal.gateway.DownstreamServices.server;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.portal.gateway.DownstreamServices;
import org.portal.testsupport.TestTokens;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * A slow Redis is not a dead one: a counted call whose reply comes too late is refused with 503 (the
 * script may still have counted it), never admitted uncounted; only failures in a row open the
 * breaker, and then the outage policy (fail-open here) decides until a probe succeeds. Redis is
 * really slowed: CLIENT PAUSE holds every write, the quota script among them.
 */
@QuarkusTest
class RedisSlowTest {

    @Inject
    RedisDataSource redis;

    @AfterEach
    void unpause() {
        redis.execute("CLIENT", "UNPAUSE");
    }

    private static Response call(String token) {
        return given().auth().oauth2(token).get("/api/sections/knowledge-base/records");
    }

    @Test
    void lateRepliesAreRefusedUntilTheBreakerOpensAndAProbeClosesItAgain() {
        server().stubFor(get(urlEqualTo("/api/sections/knowledge-base/records")).willReturn(json(200, "{\"items\":[]}")));
        String subject = "user-" + UUID.randomUUID();
        // A limit this small is leased one call at a time: every call asks Redis.
        portalUser(subject, "active", "customer", 20, DownstreamServices.CUSTOMER_GRANTS);
        String token = TestTokens.of(subject, "portal-user");
        call(token).then().statusCode(200).header("RateLimit", startsWith("\"daily\";"));

        redis.execute("CLIENT", "PAUSE", "8000", "WRITE");
        List<CompletableFuture<Response>> late = IntStream.range(0, 5)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> call(token))).toList();
        for (CompletableFuture<Response> answer : late) {
            answer.join().then().statusCode(503).body("type", equalTo("urn:portal:problem:quota-unavailable"));
        }
        // Five failures in a row: Redis is taken to be gone, and fail-open admits without waiting.
        long began = System.nanoTime();
        call(token).then().statusCode(200).header("RateLimit", startsWith("\"burst\";"));
        assertEquals(true, Duration.ofNanos(System.nanoTime() - began).toMillis() < 1000, "decided without asking Redis");

        redis.execute("CLIENT", "UNPAUSE");
        Awaitility.await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(200))
                .until(() -> call(token).header("RateLimit"), startsWith("\"daily\";"));
    }
}
