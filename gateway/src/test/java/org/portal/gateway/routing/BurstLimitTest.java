package org.portal.gateway.routing;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.portal.gateway.DownstreamServices.json;
import static org.portal.gateway.DownstreamServices.server;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.portal.testsupport.TestTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** Calls outside the daily quota are limited per caller, with a 429 that says when to try again. */
@QuarkusTest
@TestProfile(BurstLimitTest.TwoAtOnce.class)
class BurstLimitTest {

    public static class TwoAtOnce implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("portal.gateway.burst.capacity", "2", "portal.gateway.burst.per-second", "0.01");
        }
    }

    @Test
    void aCallerOverTheBurstWaitsAndOthersDoNot() {
        server().stubFor(get(urlEqualTo("/api/accounts")).willReturn(json(200, "[]")));
        String agent = TestTokens.of("agent-" + UUID.randomUUID(), "portal-agent");
        given().auth().oauth2(agent).get("/api/accounts").then().statusCode(200)
                .header("RateLimit", matchesPattern("\"burst\";r=1;t=\\d+"));
        given().auth().oauth2(agent).get("/api/accounts").then().statusCode(200);
        given().auth().oauth2(agent).get("/api/accounts").then().statusCode(429)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:portal:problem:burst-limited"))
                .header("Retry-After", notNullValue())
                .header("RateLimit-Policy", "\"burst\";q=2;w=200")
                .header("RateLimit", matchesPattern("\"burst\";r=0;t=\\d+"));
        given().auth().oauth2(TestTokens.of("agent-" + UUID.randomUUID(), "portal-agent")).get("/api/accounts").then()
                .statusCode(200);
    }

    @Test
    void anonymousCallersAreLimitedByTheirAddress() {
        int refused = 0;
        for (int i = 0; i < 4; i++) {
            int status = given().get("/api/accounts").statusCode();
            refused += status == 429 ? 1 : 0;
        }
        assertTrue(refused >= 2, "refused " + refused + " of 4");
    }
}
