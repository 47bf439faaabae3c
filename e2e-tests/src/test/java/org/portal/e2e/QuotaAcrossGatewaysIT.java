package org.portal.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two gateway instances on a real three-node Redis Cluster (deploy/local/redis-cluster.sh), beside the
 * running system: a new portal user's calls, 64 at a time and spread over both gateways, are admitted
 * exactly up to their daily limit, with no failed call; then the gateways' usage copy, which reads
 * every shard, brings the exact count to licensing-service, and a change event published on the
 * cluster reaches both gateways.
 */
class QuotaAcrossGatewaysIT {

    static final int CONCURRENT = 64;
    static final int MORE_THAN_LEFT = 300;
    static final String NAMESPACE = "e2e-cluster:";
    static final String PATH = "/api/sections/knowledge-base/records?limit=1";
    static int gatewayPort = URI.create(RunningSystem.GATEWAY).getPort();
    static List<String> gateways = new ArrayList<>();
    static String nodes;

    @BeforeAll
    static void clusterAndTwoGateways() throws Exception {
        nodes = LocalRunner.run(LocalRunner.SCRIPTS.resolve("redis-cluster.sh").toString(), "start").trim();
        for (String name : List.of("cluster-gateway-a", "cluster-gateway-b")) {
            // A lease sized to two seconds of a user's calls grows at the pace this shared machine reaches
            // through the whole system (hundreds a second); kept for five seconds, a test can see it held.
            gateways.add(startOnTheCluster(name, gatewayPort + (gateways.isEmpty() ? 400 : 420), "PORTAL_USAGE_FLUSH_EVERY=1s",
                    "PORTAL_GATEWAY_QUOTA_LEASE_SPAN=2S", "PORTAL_GATEWAY_QUOTA_LEASE_IDLE=5S"));
        }
    }

    /** Starts a gateway instance on the cluster, with further settings; its address. */
    static String startOnTheCluster(String name, int port, String... settings) throws Exception {
        List<String> all = new ArrayList<>(List.of("PORTAL_REDIS_CLIENT_TYPE=cluster", "PORTAL_REDIS_URL=" + nodes,
                "PORTAL_REDIS_NAMESPACE=" + NAMESPACE));
        all.addAll(List.of(settings));
        return LocalRunner.startGateway(name, port, all.toArray(String[]::new));
    }

    /** A user's counter of today on the cluster. */
    static String counterKey(String userId) {
        return NAMESPACE + "quota:" + userId + ":" + LocalDate.now(ZoneOffset.UTC);
    }

    @AfterAll
    static void stop() throws Exception {
        for (String name : List.of("cluster-gateway-a", "cluster-gateway-b", "cluster-gateway-stopping")) {
            LocalRunner.stopGateway(name);
        }
        LocalRunner.run(LocalRunner.SCRIPTS.resolve("redis-cluster.sh").toString(), "stop");
    }

    /**
     * A gateway that stops cleanly gives its leases back: the call numbers it took from the shared counter
     * and never handed out are the user's again. Its leases never go idle here, so only the stop can give
     * them back.
     */
    @Test
    void aGatewayThatStopsGivesItsLeasesBack() throws Exception {
        String name = "cluster-gateway-stopping";
        // Beside DrainIT's instance at + 440.
        String gateway = startOnTheCluster(name, gatewayPort + 460, "PORTAL_GATEWAY_QUOTA_LEASE_IDLE=1H",
                "PORTAL_SHUTDOWN_DELAY=0S");
        String admin = RunningSystem.token("admin");
        RunningSystem.LinkedPerson person = RunningSystem.linkedPortalUser(admin, RunningSystem.accountId(admin, "Acme"),
                "quota-stopping", "customer");
        String token = RunningSystem.token(person.username());
        int calls = 5;
        for (int i = 0; i < calls; i++) {
            given().auth().oauth2(token).get(gateway + "/api/sections/knowledge-base/records?limit=1").then().statusCode(200);
        }
        String key = counterKey(person.userId());
        int counted = Integer.parseInt(redisGet(key));
        assertTrue(counted > calls, "the gateway holds a lease: " + counted);

        LocalRunner.stopGateway(name);

        assertEquals(Integer.toString(calls), redisGet(key), "the unused numbers went back with the stop");
    }

    private static String redisGet(String key) throws Exception {
        return LocalRunner.run("redis-cli", "-c", "-p", nodes.split(",")[0].replaceAll(".*:", ""), "GET", key).trim();
    }

    /**
     * A busy user far from their limit: each gateway's leases grow with their pace past {@code lease-size},
     * so the shared counter runs ahead of the calls made by more than two gateways could hold with leases of
     * that size; once idle, both give back every unused number, and the counter, each gateway's view of the
     * quota and the usage copy all come back to exactly the calls made.
     */
    @Test
    void grownLeasesComeBackToTheCallsMade() throws Exception {
        String admin = RunningSystem.token("admin");
        int limit = RunningSystem.dailyCallLimit(admin, "customer");
        RunningSystem.setDailyCallLimit(admin, "customer", 100_000);
        try {
            RunningSystem.LinkedPerson person = RunningSystem.linkedPortalUser(admin,
                    RunningSystem.accountId(admin, "Acme"), "quota-grown", "customer");
            String token = RunningSystem.token(person.username());
            int made = 2_000;
            assertEquals(Map.of(200, made), callConcurrently(token, made), "answers by status");

            String key = counterKey(person.userId());
            int held = Integer.parseInt(redisGet(key)) - made;
            // With leases of 32, a gateway holds at most 48 numbers: 16 left of one and the next asked ahead.
            assertTrue(held > 2 * 48, "the leases grew past lease-size: " + held + " numbers held");

            Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(250))
                    .until(() -> redisGet(key), org.hamcrest.Matchers.equalTo(Integer.toString(made)));
            for (String gateway : gateways) {
                given().auth().oauth2(token).get(gateway + "/api/me/quota").then().statusCode(200)
                        .body("used", org.hamcrest.Matchers.equalTo(made))
                        .body("remaining", org.hamcrest.Matchers.equalTo(100_000 - made));
            }
            String today = LocalDate.now(ZoneOffset.UTC).toString();
            Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500))
                    .untilAsserted(() -> given().auth().oauth2(admin)
                            .get(RunningSystem.GATEWAY + "/api/usage/users/" + person.userId() + "?days=1").then()
                            .statusCode(200)
                            .body("find { it.day == '" + today + "' }.calls", org.hamcrest.Matchers.equalTo(made)));
        } finally {
            RunningSystem.setDailyCallLimit(admin, "customer", limit);
        }
    }

    /** Makes this many calls on section data, {@link #CONCURRENT} at a time, alternating gateways; answers by status. */
    private static Map<Integer, Integer> callConcurrently(String token, int count) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
        ExecutorService callers = Executors.newFixedThreadPool(CONCURRENT);
        List<Future<?>> calls = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            URI uri = URI.create(gateways.get(i % 2) + PATH);
            calls.add(callers.submit(() -> {
                HttpResponse<Void> response = http.send(HttpRequest.newBuilder(uri).header("Authorization", "Bearer " + token)
                        .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.discarding());
                statuses.computeIfAbsent(response.statusCode(), s -> new AtomicInteger()).incrementAndGet();
                return null;
            }));
        }
        for (Future<?> call : calls) {
            call.get();
        }
        callers.shutdown();
        Map<Integer, Integer> counted = new TreeMap<>();
        statuses.forEach((status, n) -> counted.put(status, n.get()));
        return counted;
    }

    @Test
    void exactlyTheCallsLeftAreAdmittedAcrossTwoGatewaysAndCopiedFromEveryShard() throws Exception {
        String admin = RunningSystem.token("admin");
        RunningSystem.LinkedPerson person = RunningSystem.linkedPortalUser(admin, RunningSystem.accountId(admin, "Acme"),
                "quota-cluster", "customer");
        String token = RunningSystem.token(person.username());
        for (int i = 0; i < 30; i++) {
            given().auth().oauth2(token).get(gateways.get(i % 2) + PATH).then().statusCode(200);
        }
        int limit = given().auth().oauth2(token).get(gateways.get(0) + "/api/me/quota").then().statusCode(200)
                .extract().path("limit");
        int left = limit - 30;

        assertEquals(Map.of(200, left, 429, MORE_THAN_LEFT), callConcurrently(token, left + MORE_THAN_LEFT),
                "answers by status");

        String today = LocalDate.now(ZoneOffset.UTC).toString();
        Awaitility.await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> given()
                // The main gateway's Redis never counted this user: what it shows for today is the copied count.
                .auth().oauth2(admin).get(RunningSystem.GATEWAY + "/api/usage/users/" + person.userId() + "?days=1")
                .then().statusCode(200).body("find { it.day == '" + today + "' }.calls", org.hamcrest.Matchers.equalTo(limit)));

        // Change events travel over the cluster too. Each gateway remembers the user is over their limit and
        // refuses without asking Redis, even once the counter is reset behind its back; a quota-changed event
        // published on any node (here with redis-cli: the running system's services publish on its standalone
        // Redis) makes both forget, and the reset counter admits again.
        String key = counterKey(person.userId());
        String node = nodes.split(",")[1].replaceAll(".*:", "");
        LocalRunner.run("redis-cli", "-c", "-p", node, "SET", key, "0", "KEEPTTL");
        for (String gateway : gateways) {
            given().auth().oauth2(token).get(gateway + PATH).then().statusCode(429);
        }
        LocalRunner.run("redis-cli", "-c", "-p", node, "PUBLISH", NAMESPACE + "changes",
                "{\"kind\":\"quota-changed\",\"userId\":\"" + person.userId() + "\"}");
        for (String gateway : gateways) {
            Awaitility.await().atMost(Duration.ofSeconds(2)).pollInterval(Duration.ofMillis(50))
                    .until(() -> given().auth().oauth2(token).get(gateway + PATH).statusCode(),
                            org.hamcrest.Matchers.equalTo(200));
        }
    }
}
