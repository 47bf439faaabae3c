package org.portal.gateway.quota;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.net.URL;

import org.junit.jupiter.api.Test;
import org.portal.gateway.RedisDown;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusTest
@TestProfile(RedisDown.FailClosed.class)
class RedisDownFailClosedTest {

    @Test
    void countedCallsAreRefusedWith503() {
        given().auth().oauth2(RedisDown.portalUserCalling()).get("/api/sections/knowledge-base/records").then()
                .statusCode(503).contentType("application/problem+json")
                .body("type", equalTo("urn:portal:problem:quota-unavailable"));
    }

    @TestHTTPResource(value = "/health/ready", management = true)
    URL ready;

    /** Failing closed, a gateway whose Redis is gone cannot serve counted calls, and says so. */
    @Test
    void isNotReadyOnceRedisIsTakenToBeGone() {
        RedisDown.openTheBreaker(503);
        given().get(ready).then().statusCode(503);
    }
}
