package org.portal.gateway.quota;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.portal.gateway.DownstreamServices.json;
import static org.portal.gateway.DownstreamServices.portalUser;
import static org.portal.gateway.DownstreamServices.server;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.portal.events.ChangeEventPublisher;
import org.portal.gateway.DownstreamServices;
import org.portal.testsupport.ChannelListener;
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

    @ConfigProperty(name = "portal.redis-namespace")
    String namespace;

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
    void concurrentCallsFindingTheLeaseEmptyWaitForTheOneRoundTripUnderWay() throws Exception {
        String subject = "user-" + UUID.randomUUID();
        UUID userId = portalUser(subject, "active", "customer", 100_000, DownstreamServices.CUSTOMER_GRANTS);
        String token = TestTokens.of(subject, "portal-user");
        ExecutorService callers = Executors.newFixedThreadPool(32);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<CompletableFuture<Integer>> answers = IntStream.range(0, 32)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                        try {
                            start.await();
                        } catch (InterruptedException e) {
                            throw new IllegalStateException(e);
                        }
                        return call(token);
                    }, callers)).toList();
            start.countDown();
            assertEquals(List.of(200), answers.stream().map(CompletableFuture::join).distinct().toList());
            String key = counter.key(userId, counter.today());
            Awaitility.await("the count is the calls made and the numbers leased").atMost(Duration.ofSeconds(2))
                    .until(() -> redisCount(userId) - counter.leasedUnused(key) == 32);
            // A call asking Redis for its own number while a lease was under way would have taken one number.
            assertEquals(0, redisCount(userId) % 32, "every round trip took a whole lease of 32 numbers");
        } finally {
            callers.shutdown();
        }
    }

    @Test
    void aBusyUsersNextLeaseIsTakenWhileHalfOfTheLastIsLeft() {
        String subject = "user-" + UUID.randomUUID();
        UUID userId = portalUser(subject, "active", "customer", 100_000, DownstreamServices.CUSTOMER_GRANTS);
        String token = TestTokens.of(subject, "portal-user");
        for (int i = 0; i < 15; i++) {
            assertEquals(200, call(token));
        }
        assertEquals(32, redisCount(userId), "17 numbers of the first lease are left");
        assertEquals(200, call(token));
        Awaitility.await("the call that left 16 asked for the next lease").atMost(Duration.ofSeconds(2))
                .until(() -> redisCount(userId) == 64);
        assertEquals(48, counter.leasedUnused(counter.key(userId, counter.today())));
        given().auth().oauth2(token).get("/api/me/quota").then().statusCode(200)
                .body("used", org.hamcrest.Matchers.equalTo(16));
        Awaitility.await("both leases go back once idle").atMost(Duration.ofSeconds(5))
                .until(() -> redisCount(userId) == 16);
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

    @Test
    void callsGivenBackToACounterAtItsLimitAreAnnouncedToTheGateways() throws InterruptedException {
        String subject = "user-" + UUID.randomUUID();
        UUID userId = portalUser(subject, "active", "customer", 64, DownstreamServices.CUSTOMER_GRANTS);
        String token = TestTokens.of(subject, "portal-user");
        assertEquals(200, call(token));
        assertEquals(4, redisCount(userId), "a sixteenth of 64 taken at once: this call's number and 3 leased");
        try (ChannelListener changes = ChannelListener.listen(redis, ChangeEventPublisher.channel(namespace))) {
            // Other gateways' calls take the counter to the limit while this one holds its 3 numbers idle.
            redis.value(String.class).set(counter.key(userId, counter.today()), "64");
            assertNotNull(changes.await(m -> m.contains("quota-freed") && m.contains(userId.toString()), 5000),
                    "no quota-freed for the numbers given back");
        }
        assertEquals(61, redisCount(userId));
    }

    @Test
    void aGatewayThatRefusedAUserAdmitsAgainWhenCallsAreFreed() {
        String subject = "user-" + UUID.randomUUID();
        UUID userId = portalUser(subject, "active", "customer", 64, DownstreamServices.CUSTOMER_GRANTS);
        String token = TestTokens.of(subject, "portal-user");
        String key = counter.key(userId, counter.today());
        redis.value(String.class).set(key, "64");
        assertEquals(429, call(token));
        // Another gateway gives back a lease: the counter drops, but this gateway still remembers the refusal.
        redis.value(String.class).set(key, "63");
        assertEquals(429, call(token), "refused from memory, without asking Redis");
        redis.pubsub(String.class).publish(ChangeEventPublisher.channel(namespace),
                "{\"kind\":\"quota-freed\",\"userId\":\"" + userId + "\"}");
        Awaitility.await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(50)).until(() -> call(token) == 200);
        assertEquals(64, redisCount(userId));
    }

    /** The quota-changed event of this gateway's own correction, late on a busy machine, keeps a lease taken since. */
    @Test
    void theLateEchoOfItsOwnCorrectionDropsNoCallsLeasedSince() {
        String subject = "user-" + UUID.randomUUID();
        UUID userId = portalUser(subject, "active", "customer", 1000, DownstreamServices.CUSTOMER_GRANTS);
        String token = TestTokens.of(subject, "portal-user");
        counter.set(userId, counter.today(), 798).await().atMost(Duration.ofSeconds(5));
        assertEquals(200, call(token));
        redis.pubsub(String.class).publish(ChangeEventPublisher.channel(namespace),
                "{\"kind\":\"quota-changed\",\"userId\":\"" + userId + "\"}");
        Awaitility.await().pollDelay(Duration.ofMillis(300)).atMost(Duration.ofSeconds(1)).until(() -> true);
        assertEquals(200, call(token));
        given().auth().oauth2(token).get("/api/me/quota").then().statusCode(200)
                .body("used", org.hamcrest.Matchers.equalTo(800));
        Awaitility.await("the unused numbers go back once the lease is idle").atMost(Duration.ofSeconds(5))
                .until(() -> redisCount(userId) == 800);
    }
}
