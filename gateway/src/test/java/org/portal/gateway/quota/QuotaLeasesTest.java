package org.portal.gateway.quota;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.portal.gateway.DownstreamServices.json;
import static org.portal.gateway.DownstreamServices.portalUser;
import static org.portal.gateway.DownstreamServices.server;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.portal.gateway.DownstreamServices;
import org.portal.testsupport.TestTokens;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;

/** A busy user's calls are counted from leases of call numbers: fewer round trips, never more calls than the limit. */
@QuarkusTest
class QuotaLeasesTest {

    @Inject
    QuotaCounter counter;

    @Inject
    RedisDataSource redis;

    @BeforeAll
    static void sectionsService() {
        server().stubFor(get(urlEqualTo("/api/sections/knowledge-base/records")).willReturn(json(200, "{\"items\":[]}")));
    }

    private static int call(String token) {
        return given().auth().oauth2(token).get("/api/sections/knowledge-base/records").statusCode();
    }

    private long redisCount(UUID userId) {
        String value = redis.value(String.class).get(counter.key(userId, counter.today()));
        return value == null ? 0 : Long.parseLong(value);
    }

    @Test
    void leasedCallsAreCountedAtOnceAndTheUnusedOnesGoBack() {
        String subject = "user-" + UUID.randomUUID();
        UUID userId = portalUser(subject, "active", "customer", 1000, DownstreamServices.CUSTOMER_GRANTS);
        String token = TestTokens.of(subject, "portal-user");
        for (int i = 0; i < 10; i++) {
            assertEquals(200, call(token));
        }
        assertEquals(32, redisCount(userId), "one round trip took 32 numbers: the first call's and 31 for the next calls");
        given().auth().oauth2(token).get("/api/me/quota").then().statusCode(200)
                .body("used", org.hamcrest.Matchers.equalTo(10));
        Awaitility.await("the unused numbers go back once the lease is idle").atMost(Duration.ofSeconds(5))
                .until(() -> redisCount(userId) == 10);
    }

    @Test
    void concurrentCallsAreAdmittedExactlyUpToTheLimit() throws Exception {
        String subject = "user-" + UUID.randomUUID();
        portalUser(subject, "active", "customer", 300, DownstreamServices.CUSTOMER_GRANTS);
        String token = TestTokens.of(subject, "portal-user");
        ExecutorService callers = Executors.newFixedThreadPool(32);
        try {
            List<CompletableFuture<Integer>> answers = IntStream.range(0, 400)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> call(token), callers)).toList();
            List<Integer> statuses = answers.stream().map(CompletableFuture::join).toList();
            assertEquals(300, statuses.stream().filter(status -> status == 200).count());
            assertEquals(100, statuses.stream().filter(status -> status == 429).count());
        } finally {
            callers.shutdown();
        }
    }
}
