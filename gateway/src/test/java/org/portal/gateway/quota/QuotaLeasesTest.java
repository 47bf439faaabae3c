package org.portal.gateway.quota;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.portal.gateway.DownstreamServices.json;
import static org.portal.gateway.DownstreamServices.portalUser;
import static org.portal.gateway.DownstreamServices.server;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
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
import org.portal.testsupport.MutableClock;
import org.portal.testsupport.TestTokens;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusMock;
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

    /** A new portal user with this daily limit, and their token. */
    private record User(UUID id, String token) {

        static User withLimit(int dailyLimit) {
            String subject = "user-" + UUID.randomUUID();
            UUID id = portalUser(subject, "active", "customer", dailyLimit, DownstreamServices.CUSTOMER_GRANTS);
            return new User(id, TestTokens.of(subject, "portal-user"));
        }
    }

    private static void assertUsedToday(User user, int used) {
        given().auth().oauth2(user.token()).get("/api/me/quota").then().statusCode(200)
                .body("used", org.hamcrest.Matchers.equalTo(used));
    }

    private static int call(User user) {
        return given().auth().oauth2(user.token()).get("/api/sections/knowledge-base/records").statusCode();
    }

    private long redisCount(User user) {
        String value = redis.value(String.class).get(counter.key(user.id(), counter.today()));
        return value == null ? 0 : Long.parseLong(value);
    }

    @Test
    void leasedCallsAreCountedAtOnceAndTheUnusedOnesGoBack() {
        User user = User.withLimit(1000);
        for (int i = 0; i < 10; i++) {
            assertEquals(200, call(user));
        }
        assertEquals(32, redisCount(user), "one round trip took 32 numbers: the first call's and 31 for the next calls");
        assertUsedToday(user, 10);
        Awaitility.await("the unused numbers go back once the lease is idle").atMost(Duration.ofSeconds(5))
                .until(() -> redisCount(user) == 10);
    }

    @Test
    void concurrentCallsFindingTheLeaseEmptyWaitForTheOneRoundTripUnderWay() throws Exception {
        User user = User.withLimit(100_000);
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
                        return call(user);
                    }, callers)).toList();
            start.countDown();
            assertEquals(List.of(200), answers.stream().map(CompletableFuture::join).distinct().toList());
            String key = counter.key(user.id(), counter.today());
            Awaitility.await("the count is the calls made and the numbers leased").atMost(Duration.ofSeconds(2))
                    .until(() -> redisCount(user) - counter.leasedUnused(key) == 32);
            // A call asking Redis for its own number while a lease was under way would have taken one number.
            assertEquals(0, redisCount(user) % 32, "every round trip took a whole lease of 32 numbers");
        } finally {
            callers.shutdown();
        }
    }

    @Test
    void aBusyUsersNextLeaseIsTakenWhileHalfOfTheLastIsLeft() {
        User user = User.withLimit(100_000);
        for (int i = 0; i < 15; i++) {
            assertEquals(200, call(user));
        }
        assertEquals(32, redisCount(user), "17 numbers of the first lease are left");
        assertEquals(200, call(user));
        Awaitility.await("the call that left 16 asked for the next lease").atMost(Duration.ofSeconds(2))
                .until(() -> redisCount(user) == 64);
        assertEquals(48, counter.leasedUnused(counter.key(user.id(), counter.today())));
        assertUsedToday(user, 16);
        Awaitility.await("both leases go back once idle").atMost(Duration.ofSeconds(5))
                .until(() -> redisCount(user) == 16);
    }

    @Test
    void aBusyUsersLeaseGrowsWithTheirPaceAndGoesBackWhenIdle() {
        // A stopped clock: every lease is used up in no time, so each grant doubles the next, from 32.
        QuarkusMock.installMockForType(new MutableClock(Instant.now()), Clock.class);
        User user = User.withLimit(100_000);
        for (int i = 0; i < 100; i++) {
            assertEquals(200, call(user));
        }
        Awaitility.await("leases of 32, 32, 64 and 128, each asked for with half of the next size left")
                .atMost(Duration.ofSeconds(2)).until(() -> redisCount(user) == 256);
        assertUsedToday(user, 100);
        Awaitility.await("the unused numbers go back once the lease is idle").atMost(Duration.ofSeconds(5))
                .until(() -> redisCount(user) == 100);
    }

    @Test
    void concurrentCallsAreAdmittedExactlyUpToTheLimit() throws Exception {
        User user = User.withLimit(300);
        ExecutorService callers = Executors.newFixedThreadPool(32);
        try {
            List<CompletableFuture<Integer>> answers = IntStream.range(0, 400)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> call(user), callers)).toList();
            List<Integer> statuses = answers.stream().map(CompletableFuture::join).toList();
            assertEquals(300, statuses.stream().filter(status -> status == 200).count());
            assertEquals(100, statuses.stream().filter(status -> status == 429).count());
        } finally {
            callers.shutdown();
        }
    }

    @Test
    void callsGivenBackToACounterAtItsLimitAreAnnouncedToTheGateways() throws InterruptedException {
        User user = User.withLimit(64);
        assertEquals(200, call(user));
        assertEquals(4, redisCount(user), "a sixteenth of 64 taken at once: this call's number and 3 leased");
        try (ChannelListener changes = ChannelListener.listen(redis, ChangeEventPublisher.channel(namespace))) {
            // Other gateways' calls take the counter to the limit while this one holds its 3 numbers idle.
            redis.value(String.class).set(counter.key(user.id(), counter.today()), "64");
            assertNotNull(changes.await(m -> m.contains("quota-freed") && m.contains(user.id().toString()), 5000),
                    "no quota-freed for the numbers given back");
        }
        assertEquals(61, redisCount(user));
    }

    @Test
    void reportingTheLastCallOfTheDayFreesNothing() throws InterruptedException {
        User user = User.withLimit(1);
        String callsKey = counter.callsKey(counter.key(user.id(), counter.today()));
        try (ChannelListener changes = ChannelListener.listen(redis, ChangeEventPublisher.channel(namespace))) {
            assertEquals(200, call(user));
            Awaitility.await("the call is reported once its lease is idle").atMost(Duration.ofSeconds(5))
                    .until(() -> "1".equals(redis.value(String.class).get(callsKey)));
            assertNull(changes.await(m -> m.contains("quota-freed") && m.contains(user.id().toString()), 500),
                    "nothing went back to the counter");
        }
        assertEquals(1, redisCount(user));
    }

    @Test
    void aGatewayThatRefusedAUserAdmitsAgainWhenCallsAreFreed() {
        User user = User.withLimit(64);
        String key = counter.key(user.id(), counter.today());
        redis.value(String.class).set(key, "64");
        assertEquals(429, call(user));
        // Another gateway gives back a lease: the counter drops, but this gateway still remembers the refusal.
        redis.value(String.class).set(key, "63");
        assertEquals(429, call(user), "refused from memory, without asking Redis");
        redis.pubsub(String.class).publish(ChangeEventPublisher.channel(namespace),
                "{\"kind\":\"quota-freed\",\"userId\":\"" + user.id() + "\"}");
        Awaitility.await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(50)).until(() -> call(user) == 200);
        assertEquals(64, redisCount(user));
    }

    /** The quota-changed event of this gateway's own correction, late on a busy machine, keeps a lease taken since. */
    @Test
    void theLateEchoOfItsOwnCorrectionDropsNoCallsLeasedSince() {
        User user = User.withLimit(1000);
        counter.set(user.id(), counter.today(), 798).await().atMost(Duration.ofSeconds(5));
        assertEquals(200, call(user));
        redis.pubsub(String.class).publish(ChangeEventPublisher.channel(namespace),
                "{\"kind\":\"quota-changed\",\"userId\":\"" + user.id() + "\"}");
        Awaitility.await().pollDelay(Duration.ofMillis(300)).atMost(Duration.ofSeconds(1)).until(() -> true);
        assertEquals(200, call(user));
        assertUsedToday(user, 800);
        Awaitility.await("the unused numbers go back once the lease is idle").atMost(Duration.ofSeconds(5))
                .until(() -> redisCount(user) == 800);
    }
}
