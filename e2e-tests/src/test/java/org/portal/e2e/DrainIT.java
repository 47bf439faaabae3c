package org.portal.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * A gateway instance stopped (SIGTERM) while callers keep calling it, as a rollout or a node drain
 * does: readiness turns DOWN at once, the instance keeps answering through its shutdown delay, and
 * the callers, which like a Service's endpoints stop sending once readiness is DOWN, see no failed
 * call. The instance's own delay here is 3 s (production: 5 s).
 */
class DrainIT {

    static final int CALLERS = 8;

    private static int answered(Map<String, AtomicInteger> outcomes) {
        return outcomes.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    @Test
    void aStoppedInstanceAnswersEveryCallItWasSentUntilReadinessWentDown() throws Exception {
        int port = URI.create(RunningSystem.GATEWAY).getPort() + 440;
        LocalRunner.startGateway("drain-gateway", port, "PORTAL_SHUTDOWN_DELAY=3S");
        long pid = LocalRunner.pid("drain-gateway");
        String token = RunningSystem.token("customer-globex");
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI call = URI.create("http://localhost:" + port + "/api/sections/knowledge-base/records?limit=1");
        URI ready = URI.create("http://localhost:" + (port + 10) + "/q/health/ready");

        AtomicBoolean routed = new AtomicBoolean(true);
        AtomicLong stoppedAt = new AtomicLong();
        AtomicInteger answeredAfterStop = new AtomicInteger();
        Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
        ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
        List<Future<?>> running = new ArrayList<>();
        for (int i = 0; i < CALLERS; i++) {
            running.add(callers.submit(() -> {
                while (routed.get()) {
                    String outcome;
                    try {
                        int status = http.send(HttpRequest.newBuilder(call).header("Authorization", "Bearer " + token)
                                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
                        outcome = Integer.toString(status);
                        if (stoppedAt.get() != 0) {
                            answeredAfterStop.incrementAndGet();
                        }
                    } catch (Exception e) {
                        outcome = e.getClass().getSimpleName();
                    }
                    outcomes.computeIfAbsent(outcome, o -> new AtomicInteger()).incrementAndGet();
                }
                return null;
            }));
        }
        // A busy instance is stopped: once it has answered a few hundred calls (its first ones wait on look-ups).
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                .until(() -> answered(outcomes) >= 300);
        int beforeStop = answered(outcomes);
        stoppedAt.set(System.nanoTime());
        ProcessHandle.of(pid).orElseThrow().destroy();
        // The endpoint controller's part: probe readiness every 50 ms, stop routing once it is DOWN.
        long downAfter = -1;
        while (downAfter < 0 && System.nanoTime() - stoppedAt.get() < Duration.ofSeconds(10).toNanos()) {
            try {
                if (http.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(2)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 503) {
                    downAfter = Duration.ofNanos(System.nanoTime() - stoppedAt.get()).toMillis();
                }
            } catch (Exception e) {
                downAfter = Duration.ofNanos(System.nanoTime() - stoppedAt.get()).toMillis();
                outcomes.computeIfAbsent("readiness unreachable before DOWN", o -> new AtomicInteger()).incrementAndGet();
            }
            Thread.sleep(50);
        }
        routed.set(false);
        for (Future<?> caller : running) {
            caller.get();
        }
        callers.shutdown();
        Files.deleteIfExists(LocalRunner.pidFile("drain-gateway"));

        Map<String, Integer> seen = new TreeMap<>();
        outcomes.forEach((outcome, count) -> seen.put(outcome, count.get()));
        System.out.printf("Drain: %d calls answered before SIGTERM, readiness DOWN %d ms after it, %d calls answered after it;"
                + " outcomes %s%n", beforeStop, downAfter, answeredAfterStop.get(), seen);
        assertTrue(downAfter >= 0 && downAfter < 2000, "readiness went DOWN within 2 s of SIGTERM: " + downAfter + " ms");
        assertEquals(Set.of("200"), seen.keySet(), "every call answered 200: " + seen);
        assertTrue(answeredAfterStop.get() > 0, "calls kept being answered after SIGTERM");
    }

    /**
     * A call whose answer the service broke off (the head sent, the body cut short) is broken off for the
     * caller too, and is then over: stopped, the instance does not wait for it until its shutdown timeout
     * (20 s). It did: the broken-off answer was never counted as done.
     */
    @Test
    void aCallWhoseAnswerBrokeOffDoesNotHoldUpTheStop() throws Exception {
        try (ServerSocket service = new ServerSocket(0)) {
            Thread breaking = new Thread(() -> breakEveryAnswerOff(service), "breaking-service");
            breaking.setDaemon(true);
            breaking.start();
            int port = URI.create(RunningSystem.GATEWAY).getPort() + 480;
            String gateway = LocalRunner.startGateway("breaking-gateway", port,
                    "PORTAL_SECTIONS_URL=http://localhost:" + service.getLocalPort(), "PORTAL_SHUTDOWN_DELAY=0S");

            HttpRequest call = HttpRequest
                    .newBuilder(URI.create(gateway + "/api/sections/knowledge-base/records"))
                    .header("Authorization", "Bearer " + RunningSystem.token("customer-globex"))
                    .timeout(Duration.ofSeconds(10)).build();
            // A HTTP/1.1 caller (as behind most ingresses) and a HTTP/2 one (Java's client upgrades to h2c).
            Map<HttpClient.Version, Integer> seen = new TreeMap<>();
            for (HttpClient.Version version : HttpClient.Version.values()) {
                int status;
                try {
                    status = HttpClient.newBuilder().version(version).build().send(call, HttpResponse.BodyHandlers.ofString())
                            .statusCode();
                } catch (IOException brokenOff) {
                    status = -1;
                }
                seen.put(version, status);
                assertNotEquals(200, status, "a broken-off answer never reaches a " + version + " caller as if whole");
            }

            long stopping = System.nanoTime();
            LocalRunner.stopGateway("breaking-gateway");
            long stoppedAfter = Duration.ofNanos(System.nanoTime() - stopping).toMillis();
            System.out.printf("Broken-off answers: the callers saw %s; the instance stopped %d ms after SIGTERM%n", seen,
                    stoppedAfter);
            assertTrue(stoppedAfter < 10_000, "stopped within 10 s, not at the 20 s shutdown timeout: " + stoppedAfter + " ms");
        }
    }

    /** A service that sends each answer's head and the start of its body, then closes the connection. */
    private static void breakEveryAnswerOff(ServerSocket service) {
        while (!service.isClosed()) {
            try (Socket call = service.accept()) {
                InputStream in = call.getInputStream();
                // The request's head; the gateway's calls here have no body.
                for (int last = 0, b; (b = in.read()) >= 0;) {
                    last = last << 8 | b;
                    if (last == 0x0d0a0d0a) {
                        break;
                    }
                }
                call.getOutputStream().write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                        + "Transfer-Encoding: chunked\r\n\r\n40\r\n{\"items\":[").getBytes(StandardCharsets.US_ASCII));
                call.getOutputStream().flush();
            } catch (IOException closed) {
                // The test is over, or the gateway went away mid-call: nothing to answer.
            }
        }
    }
}
