package org.portal.gateway.routing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.head;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.matchesPattern;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.portal.gateway.DownstreamServices.CUSTOMER_GRANTS;
import static org.portal.gateway.DownstreamServices.json;
import static org.portal.gateway.DownstreamServices.portalUser;
import static org.portal.gateway.DownstreamServices.server;

import java.net.Socket;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.portal.gateway.DownstreamServices;
import org.portal.testsupport.TestTokens;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.core.Vertx;

@QuarkusTest
class GatewayPipelineTest {

    @BeforeAll
    static void sectionsService() {
        DownstreamServices.customSections();
        server().stubFor(get(urlEqualTo("/api/sections/knowledge-base/records"))
                .willReturn(json(200, "{\"items\":[{\"title\":\"Reset a router\"}]}")));
        server().stubFor(post(urlEqualTo("/api/sections/cases/records"))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{{request.body}}").withTransformers("response-template")));
    }

    private static String subject() {
        return "user-" + UUID.randomUUID();
    }

    @Inject
    Vertx vertx;

    @TestHTTPResource(value = "/health/ready", management = true)
    URL readiness;

    @Test
    void healthAndMetricsAreOnTheManagementPortOnly() {
        given().get(readiness).then().statusCode(200);
        given().get("/q/health/ready").then().statusCode(404);
        given().get("/q/metrics").then().statusCode(404);
        given().get("/q/openapi").then().statusCode(200);
    }

    @Test
    void theServiceGetsOneTraceContextTheGatewaysSpanInTheCallersTrace() {
        String subject = subject();
        portalUser(subject, "active", "customer", 1000, CUSTOMER_GRANTS);
        String trace = "4bf92f3577b34da6a3ce929d0e0e4736";
        String callersSpan = "00f067aa0ba902b7";
        String requestId = given().auth().oauth2(TestTokens.of(subject, "portal-user"))
                .header("traceparent", "00-" + trace + "-" + callersSpan + "-01")
                .get("/api/sections/knowledge-base/records").then().statusCode(200).extract().header("X-Request-Id");

        List<String> forwarded = server().findAll(com.github.tomakehurst.wiremock.client.WireMock
                .getRequestedFor(urlEqualTo("/api/sections/knowledge-base/records"))
                .withHeader("X-Request-Id", equalTo(requestId)))
                .get(0).getHeaders().getHeader("traceparent").values();
        assertEquals(1, forwarded.size(), "one trace context, not the caller's and the gateway's: " + forwarded);
        String[] parts = forwarded.get(0).split("-");
        assertEquals(trace, parts[1]);
        assertNotEquals(callersSpan, parts[2], "the parent is the gateway's span");
    }

    @Test
    void aPortalUserReadsAGrantedSectionAndGetsRateLimitHeaders() {
        String subject = subject();
        portalUser(subject, "active", "customer", 1000, CUSTOMER_GRANTS);
        Response answer = given().auth().oauth2(TestTokens.of(subject, "portal-user"))
                .get("/api/sections/knowledge-base/records");
        answer.then().statusCode(200)
                .body("items[0].title", org.hamcrest.Matchers.equalTo("Reset a router"))
                .header("RateLimit-Policy", "\"daily\";q=1000;w=86400")
                .header("RateLimit", matchesPattern("\"daily\";r=999;t=\\d+"));
        // Stated once: the service's copies of the gateway's headers are dropped, never repeated.
        for (String name : List.of("RateLimit", "RateLimit-Policy", "X-Request-Id")) {
            assertEquals(1, answer.headers().getValues(name).size(), name);
        }
    }

    /** Small answers are written whole (identity), compressed ones streamed (gzip, chunked): the same headers either way. */
    @ParameterizedTest
    @ValueSource(strings = { "identity", "gzip" })
    void theServicesAnswerReachesTheCallerWithItsHeadersButNotItsConnectionsOwn(String encoding) {
        boolean identity = "identity".equals(encoding);
        String subject = subject();
        portalUser(subject, "active", "customer", 1000, CUSTOMER_GRANTS);
        ResponseDefinitionBuilder versioned = json(200, "{\"version\":7}")
                .withHeader("Link", "</api/a>; rel=\"next\"", "</api/b>; rel=\"last\"")
                // Header names in any case: HTTP's are case-insensitive, and so is what the gateway drops.
                .withHeader("proxy-connection", "keep-alive").withHeader("KEEP-ALIVE", "timeout=5");
        // Stated, the length makes the service send the answer whole; left out, it compresses and chunks it.
        server().stubFor(get(urlEqualTo("/api/sections/knowledge-base/records/v7"))
                .willReturn(identity ? versioned.withHeader("Content-Length", "13").withGzipDisabled(true) : versioned));
        Response answer = given().auth().oauth2(TestTokens.of(subject, "portal-user"))
                .get("/api/sections/knowledge-base/records/v7");
        answer.then().statusCode(200).body("version", org.hamcrest.Matchers.equalTo(7));
        assertEquals(identity ? List.of("13") : List.of(), answer.headers().getValues("Content-Length"));
        assertEquals(List.of("</api/a>; rel=\"next\"", "</api/b>; rel=\"last\""), answer.headers().getValues("Link"));
        assertEquals(List.of(), answer.headers().getValues("Proxy-Connection"));
        assertEquals(List.of(), answer.headers().getValues("Keep-Alive"));
        assertEquals(1, answer.headers().getValues("RateLimit-Policy").size(), "the gateway's headers once");
    }

    /** An answer read whole before it is written (up to BUFFERED_ANSWER) comes off the socket in several pieces. */
    @Test
    void aBufferedAnswerInManyPiecesArrivesWholeAndInOrder() {
        StringBuilder numbered = new StringBuilder();
        for (int i = 0; numbered.length() < ServiceProxy.BUFFERED_ANSWER - 100; i++) {
            numbered.append(i).append(',');
        }
        assertArrivesWhole("numbered", numbered.toString());
    }

    @Test
    void aLargeAnswerIsStreamedWhole() {
        assertArrivesWhole("large", "x".repeat(ServiceProxy.BUFFERED_ANSWER * 3));
    }

    /** The service answers a record's path with this body and its length; the caller gets both as they were. */
    private void assertArrivesWhole(String record, String body) {
        String subject = subject();
        portalUser(subject, "active", "customer", 1000, CUSTOMER_GRANTS);
        String path = "/api/sections/knowledge-base/records/" + record;
        server().stubFor(get(urlEqualTo(path))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/plain").withBody(body)
                        .withHeader("Content-Length", Integer.toString(body.length())).withGzipDisabled(true)));
        Response answer = given().auth().oauth2(TestTokens.of(subject, "portal-user")).get(path);
        answer.then().statusCode(200).header("Content-Length", Integer.toString(body.length()));
        assertEquals(body, answer.asString());
    }

    @Test
    void anAnswerTheServiceBreaksOffIsBrokenOffForTheCallerToo() {
        String subject = subject();
        portalUser(subject, "active", "customer", 1000, CUSTOMER_GRANTS);
        server().stubFor(get(urlEqualTo("/api/sections/knowledge-base/records/broken-off")).willReturn(aResponse()
                .withFault(Fault.MALFORMED_RESPONSE_CHUNK)));
        // A 502 when it breaks off before its head, a broken connection after: never a 200 ended as if whole.
        int status;
        try {
            Response answer = given().auth().oauth2(TestTokens.of(subject, "portal-user"))
                    .get("/api/sections/knowledge-base/records/broken-off");
            answer.asString();
            status = answer.statusCode();
        } catch (Exception brokenOff) {
            status = -1;
        }
        assertNotEquals(200, status);
    }

    @TestHTTPResource(value = "/metrics", management = true)
    URL metrics;

    @TestHTTPResource("/")
    URL gateway;

    /** A caller who closes the connection while the service is still working is not the service's failure. */
    @Test
    void aCallWhoseCallerLeftIsCountedAs499NotAsABadGateway() throws Exception {
        String subject = subject();
        portalUser(subject, "active", "customer", 1000, CUSTOMER_GRANTS);
        String path = "/api/sections/knowledge-base/records/slow";
        server().stubFor(get(urlEqualTo(path)).willReturn(json(200, "{}").withFixedDelay(1500)));
        // The route's series: other tests' calls may be in them already.
        double callersLeft = served("/api/sections/**", "499");
        double badGateways = served("/api/sections/**", "502");
        try (Socket caller = new Socket(gateway.getHost(), gateway.getPort())) {
            caller.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                    + TestTokens.of(subject, "portal-user") + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            caller.getOutputStream().flush();
            // The caller leaves once the service is at work on the call.
            Awaitility.await().atMost(Duration.ofSeconds(5))
                    .until(() -> !server().findAll(getRequestedFor(urlEqualTo(path))).isEmpty());
        }
        Awaitility.await().atMost(Duration.ofSeconds(5)).until(() -> served("/api/sections/**", "499") > callersLeft);
        assertEquals(callersLeft + 1, served("/api/sections/**", "499"), "counted as the caller's leaving");
        assertEquals(badGateways, served("/api/sections/**", "502"), "not as a bad gateway");
    }

    /**
     * One time series per route, not per path: a series per record id or per made-up path would grow
     * Prometheus without end, and past Quarkus's 100 URI tags the gateway would stop measuring new paths.
     */
    @Test
    void theMetricsNameTheRouteNotTheRecordOrAMadeUpPath() {
        String subject = subject();
        portalUser(subject, "active", "customer", 1000, CUSTOMER_GRANTS);
        server().stubFor(get(urlPathMatching("/api/sections/knowledge-base/records/record-[^/]+"))
                .willReturn(json(200, "{}")));
        List<String> ids = List.of("record-" + UUID.randomUUID(), "record-" + UUID.randomUUID());
        for (String id : ids) {
            given().auth().oauth2(TestTokens.of(subject, "portal-user"))
                    .get("/api/sections/knowledge-base/records/" + id + "?q=" + id).then().statusCode(200);
        }
        String madeUp = "made-up-" + UUID.randomUUID();
        given().auth().oauth2("not-a-token").get("/api/" + madeUp).then().statusCode(401);
        given().auth().oauth2("not-a-token").get("/api/licensing/" + madeUp).then().statusCode(401);
        given().get("/" + madeUp).then().statusCode(404);

        String exported = given().get(metrics).then().statusCode(200).extract().asString();
        for (String path : List.of(ids.get(0), ids.get(1), madeUp)) {
            assertEquals(List.of(), exported.lines().filter(line -> line.contains(path)).toList(), "no series names " + path);
        }
        assertTrue(served("/api/sections/**", "200") >= 2, "both reads under their route");
    }

    private double served(String uri, String status) {
        return given().get(metrics).then().statusCode(200).extract().asString().lines()
                .filter(line -> line.startsWith("http_server_requests_seconds_count{") && line.contains("uri=\"" + uri + "\"")
                        && line.contains("status=\"" + status + "\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
    }

    /**
     * A token's second call is answered from the remembered tokens before Quarkus's authentication: it
     * must still come after CORS, whose headers a browser needs on every answer.
     */
    @Test
    void aRememberedTokensCallFromABrowserKeepsItsCorsHeaders() {
        String subject = subject();
        portalUser(subject, "active", "customer", 1000, CUSTOMER_GRANTS);
        String token = TestTokens.of(subject, "portal-user");
        for (int call = 1; call <= 2; call++) {
            given().auth().oauth2(token).header("Origin", "http://localhost:5173").get("/api/sections/knowledge-base/records")
                    .then().statusCode(200).header("Access-Control-Allow-Origin", "http://localhost:5173")
                    .header("RateLimit", matchesPattern("\"daily\";r=" + (1000 - call) + ";t=\\d+"));
        }
    }

    /** A HTTP/1.0 caller cannot take chunks: a chunked answer reaches them whole, with its length. */
    @Test
    void aChunkedAnswerReachesAHttp10CallerWhole() throws Exception {
        String subject = subject();
        portalUser(subject, "active", "customer", 1000, CUSTOMER_GRANTS);
        String path = "/api/sections/knowledge-base/records/chunked";
        String body = "{\"title\":\"" + "y".repeat(5000) + "\"}";
        server().stubFor(get(urlEqualTo(path)).willReturn(json(200, body).withChunkedDribbleDelay(4, 20)));
        try (Socket caller = new Socket(gateway.getHost(), gateway.getPort())) {
            caller.getOutputStream().write(("GET " + path + " HTTP/1.0\r\nHost: localhost\r\nAuthorization: Bearer "
                    + TestTokens.of(subject, "portal-user") + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            caller.getOutputStream().flush();
            caller.setSoTimeout(5000);
            String answer = new String(caller.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            String head = answer.substring(0, answer.indexOf("\r\n\r\n")).toLowerCase();
            assertTrue(head.startsWith("http/1.0 200"), head);
            assertTrue(head.contains("content-length: " + body.length()), head);
            assertFalse(head.contains("transfer-encoding"), head);
            assertEquals(body, answer.substring(answer.indexOf("\r\n\r\n") + 4));
        }
    }

    /** No body follows a 304, a 204 or the answer to a HEAD: their heads reach the caller as the service gave them. */
    @Test
    void answersWithoutABodyKeepTheirHeads() {
        String subject = subject();
        portalUser(subject, "active", "customer", 1000, CUSTOMER_GRANTS);
        String token = TestTokens.of(subject, "portal-user");
        server().stubFor(get(urlEqualTo("/api/sections/cases/records/unchanged")).withHeader("If-None-Match", equalTo("\"v7\""))
                .willReturn(aResponse().withStatus(304).withHeader("ETag", "\"v7\"")));
        server().stubFor(put(urlEqualTo("/api/sections/cases/records/unchanged")).willReturn(aResponse().withStatus(204)
                .withHeader("ETag", "\"v8\"")));
        server().stubFor(head(urlEqualTo("/api/sections/cases/records/sized")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withHeader("ETag", "\"v9\"").withHeader("Content-Length", "42")
                .withGzipDisabled(true)));

        given().auth().oauth2(token).header("If-None-Match", "\"v7\"").get("/api/sections/cases/records/unchanged").then()
                .statusCode(304).header("ETag", "\"v7\"");
        given().auth().oauth2(token).contentType("application/json").body("{}").put("/api/sections/cases/records/unchanged")
                .then().statusCode(204).header("ETag", "\"v8\"");
        given().auth().oauth2(token).head("/api/sections/cases/records/sized").then().statusCode(200)
                .header("ETag", "\"v9\"").header("Content-Length", "42");
    }

    @Test
    void theRequestBodyIsStreamedToTheService() {
        String subject = subject();
        portalUser(subject, "active", "customer", 1000, CUSTOMER_GRANTS);
        given().auth().oauth2(TestTokens.of(subject, "portal-user")).contentType("application/json")
                .body("{\"subject\":\"Printer on fire\"}")
                .post("/api/sections/cases/records").then().statusCode(201)
                .body("subject", org.hamcrest.Matchers.equalTo("Printer on fire"));
    }

    @Test
    void aCallWithoutATokenIsRefusedAndReachesNoService() {
        server().resetRequests();
        given().get("/api/sections/knowledge-base/records").then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("type", org.hamcrest.Matchers.equalTo("urn:portal:problem:unauthorized"));
        server().verify(0, anyRequestedFor(urlPathMatching("/api/.*")));
    }

    @Test
    void aTokenWithABadSignatureIsRefused() {
        String token = TestTokens.of(subject(), "portal-user");
        String forged = token.substring(0, token.lastIndexOf('.') + 1) + "AAAA" + token.substring(token.lastIndexOf('.') + 5);
        given().auth().oauth2(forged).get("/api/sections/knowledge-base/records").then().statusCode(401)
                .contentType("application/problem+json")
                .header("RateLimit-Policy", "\"burst\";q=100;w=5");
    }

    @Test
    void aSectionTheEditionDoesNotGrantIsForbiddenAndNamed() {
        String subject = subject();
        portalUser(subject, "active", "self-service", 1000, CUSTOMER_GRANTS);
        given().auth().oauth2(TestTokens.of(subject, "portal-user"))
                .get("/api/sections/leads/records").then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.equalTo("urn:portal:problem:section-not-granted"))
                .body("section", org.hamcrest.Matchers.equalTo("leads"))
                .body("operation", org.hamcrest.Matchers.equalTo("read"))
                // Not counted, so the refusal costs from the caller's burst limit and says so.
                .header("RateLimit", matchesPattern("\"burst\";r=99;t=\\d+"));
    }

    @Test
    void anOperationTheEditionDoesNotGrantIsForbidden() {
        String subject = subject();
        portalUser(subject, "active", "customer", 1000, CUSTOMER_GRANTS);
        given().auth().oauth2(TestTokens.of(subject, "portal-user")).contentType("application/json").body("{}")
                .post("/api/sections/knowledge-base/records").then().statusCode(403)
                .body("operation", org.hamcrest.Matchers.equalTo("create"));
    }

    @Test
    void aVoteOnAnArticleIsAReadersFeedback() {
        String subject = subject();
        portalUser(subject, "active", "customer", 1000, CUSTOMER_GRANTS);
        server().stubFor(post(urlPathMatching("/api/sections/knowledge-base/records/[^/]+/votes"))
                .willReturn(json(200, "{\"helpful\":1,\"notHelpful\":0}")));
        given().auth().oauth2(TestTokens.of(subject, "portal-user")).contentType("application/json")
                .body("{\"helpful\":true}").post("/api/sections/knowledge-base/records/" + UUID.randomUUID() + "/votes")
                .then().statusCode(200);
    }

    @Test
    void aTransitionOrCommentIsAnEditOfTheRecord() {
        String subject = subject();
        portalUser(subject, "active", "customer", 1000, """
                [{"code":"cases","operations":["read","create"]}]""");
        for (String sub : new String[] { "transitions", "comments", "approvals" }) {
            given().auth().oauth2(TestTokens.of(subject, "portal-user")).contentType("application/json").body("{}")
                    .post("/api/sections/cases/records/" + UUID.randomUUID() + "/" + sub).then().statusCode(403)
                    .body("operation", org.hamcrest.Matchers.equalTo("edit"));
        }
    }

    @Test
    void portalUsersNeverDelete() {
        String subject = subject();
        portalUser(subject, "active", "customer", 1000, CUSTOMER_GRANTS);
        given().auth().oauth2(TestTokens.of(subject, "portal-user"))
                .delete("/api/sections/cases/records/1").then().statusCode(403)
                .body("type", org.hamcrest.Matchers.equalTo("urn:portal:problem:section-not-granted"));
    }

    @Test
    void aBlockedUserIsRefused() {
        String subject = subject();
        portalUser(subject, "blocked", "customer", 1000, CUSTOMER_GRANTS);
        given().auth().oauth2(TestTokens.of(subject, "portal-user"))
                .get("/api/sections/knowledge-base/records").then().statusCode(403)
                .body("type", org.hamcrest.Matchers.equalTo("urn:portal:problem:user-not-active"));
    }

    @Test
    void aUserWithoutASeatIsRefused() {
        String subject = subject();
        portalUser(subject, "active", null, 0, "[]");
        given().auth().oauth2(TestTokens.of(subject, "portal-user"))
                .get("/api/sections/knowledge-base/records").then().statusCode(403)
                .body("type", org.hamcrest.Matchers.equalTo("urn:portal:problem:no-seat"));
    }

    @Test
    void concurrentCallsAdmitExactlyTheDailyLimit() throws Exception {
        String subject = subject();
        portalUser(subject, "active", "customer", 7, CUSTOMER_GRANTS);
        String token = TestTokens.of(subject, "portal-user");
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<Integer>> calls = IntStream.range(0, 40).<Callable<Integer>> mapToObj(i -> () -> given()
                    .auth().oauth2(token).get("/api/sections/knowledge-base/records").statusCode()).toList();
            List<Integer> statuses = pool.invokeAll(calls).stream().map(f -> {
                try {
                    return f.get();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
            assertEquals(7, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
            assertEquals(33, statuses.stream().filter(s -> s == 429).count(), statuses.toString());
        } finally {
            pool.shutdownNow();
            pool.awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    @Test
    void overTheLimitTheAnswerIs429WithRetryAfter() {
        String subject = subject();
        portalUser(subject, "active", "customer", 1, CUSTOMER_GRANTS);
        String token = TestTokens.of(subject, "portal-user");
        given().auth().oauth2(token).get("/api/sections/knowledge-base/records").then().statusCode(200)
                .header("RateLimit", matchesPattern("\"daily\";r=0;t=\\d+"));
        given().auth().oauth2(token).get("/api/sections/knowledge-base/records").then().statusCode(429)
                .contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.equalTo("urn:portal:problem:quota-exceeded"))
                .header("Retry-After", matchesPattern("\\d+"))
                .header("RateLimit", matchesPattern("\"daily\";r=0;t=\\d+"));
    }

    @Test
    void aLookUpThatDoesNotAnswerIsA503WithinTwoSeconds() {
        String subject = subject();
        server().stubFor(get(urlEqualTo("/internal/subjects/" + subject)).willReturn(aResponse().withFixedDelay(5000)));
        long started = System.nanoTime();
        given().auth().oauth2(TestTokens.of(subject, "portal-user"))
                .get("/api/sections/knowledge-base/records").then().statusCode(503)
                .contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.equalTo("urn:portal:problem:access-lookup-unavailable"));
        assertEquals(true, (System.nanoTime() - started) < TimeUnit.SECONDS.toNanos(2), "took too long");
    }

    @Test
    void aFailingLookUpIsA503() {
        String subject = subject();
        server().stubFor(get(urlEqualTo("/internal/subjects/" + subject)).willReturn(aResponse().withStatus(500)));
        given().auth().oauth2(TestTokens.of(subject, "portal-user"))
                .get("/api/sections/knowledge-base/records").then().statusCode(503)
                .body("type", org.hamcrest.Matchers.equalTo("urn:portal:problem:access-lookup-unavailable"));
    }

    @Test
    void aStrangerToThePortalIsRefused() {
        String subject = subject();
        server().stubFor(get(urlEqualTo("/internal/subjects/" + subject)).willReturn(json(404, "{}")));
        given().auth().oauth2(TestTokens.of(subject, "portal-user"))
                .get("/api/sections/knowledge-base/records").then().statusCode(403)
                .body("type", org.hamcrest.Matchers.equalTo("urn:portal:problem:not-a-portal-user"));
    }

    @Test
    void internalStaffPassWithoutEditionOrCount() {
        given().auth().oauth2(TestTokens.of("agent-" + UUID.randomUUID(), "portal-agent"))
                .get("/api/sections/knowledge-base/records").then().statusCode(200)
                .header("RateLimit-Policy", "\"burst\";q=100;w=5")
                .header("RateLimit", matchesPattern("\"burst\";r=\\d+;t=\\d+"));
    }

    @Test
    void internalPathsAreNeverRouted() {
        given().auth().oauth2(TestTokens.of("svc", "portal-service"))
                .get("/internal/subjects/anyone").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    void pathsWithDotSegmentsAreRefused() {
        given().auth().oauth2(TestTokens.of(subject(), "portal-user")).urlEncodingEnabled(false)
                .get("/api/sections/knowledge-base/../leads/records").then().statusCode(400);
    }

    @Test
    void aServiceThatBreaksOffIsABadGatewayProblem() {
        String subject = subject();
        portalUser(subject, "active", "customer", 1000, CUSTOMER_GRANTS);
        server().stubFor(get(urlEqualTo("/api/sections/cases/records/broken")).willReturn(aResponse()
                .withFault(Fault.CONNECTION_RESET_BY_PEER)));
        given().auth().oauth2(TestTokens.of(subject, "portal-user")).get("/api/sections/cases/records/broken").then()
                .statusCode(502).contentType("application/problem+json")
                .body("type", org.hamcrest.Matchers.equalTo("urn:portal:problem:bad-gateway"));
    }

    @Test
    void runsOneEventLoopPerCore() {
        long loops = StreamSupport.stream(vertx.nettyEventLoopGroup().spliterator(), false).count();
        assertEquals(Runtime.getRuntime().availableProcessors(), loops,
                "the gateway's event loops only move bytes: one per core, not Vert.x's two");
    }
}
