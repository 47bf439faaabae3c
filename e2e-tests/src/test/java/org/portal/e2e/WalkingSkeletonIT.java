package org.portal.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;

import org.junit.jupiter.api.Test;

/**
 * One real request through the whole path: a token from Keycloak, the gateway's checks (token,
 * access context from portal-users and licensing, edition grant, quota in Redis), the proxy to
 * sections-service and back with RateLimit headers; and the refusals on the same path.
 */
class WalkingSkeletonIT {

    @Test
    void aCustomerReadsTheKnowledgeBaseThroughTheGateway() {
        given().auth().oauth2(RunningSystem.token("customer-acme"))
                .get(RunningSystem.GATEWAY + "/api/sections/knowledge-base/records").then().statusCode(200)
                .body("items.title", hasItem("Opening a support case"))
                .body("items.title", not(hasItem("Draft: new contract renewal process")))
                .header("RateLimit-Policy", "\"daily\";q=1000;w=86400")
                .header("RateLimit", matchesPattern("\"daily\";r=\\d+;t=\\d+"));
    }

    @Test
    void eachCallCountsAgainstTheDailyQuota() {
        String token = RunningSystem.token("customer-globex");
        int first = remaining(token);
        int second = remaining(token);
        org.junit.jupiter.api.Assertions.assertEquals(first - 1, second);
    }

    @Test
    void aCallWithoutATokenIsUnauthorized() {
        given().get(RunningSystem.GATEWAY + "/api/sections/knowledge-base/records").then().statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:portal:problem:unauthorized"));
    }

    @Test
    void aSelfServiceUserMayNotReadLeads() {
        given().auth().oauth2(RunningSystem.token("ssp-acme"))
                .get(RunningSystem.GATEWAY + "/api/sections/leads/records").then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:portal:problem:section-not-granted"))
                .body("section", equalTo("leads"))
                .body("detail", matchesPattern(".*'leads'.*"));
    }

    @Test
    void theAgentSeesDraftsAndIsNotCounted() {
        given().auth().oauth2(RunningSystem.token("agent"))
                .get(RunningSystem.GATEWAY + "/api/sections/knowledge-base/records").then().statusCode(200)
                .body("items.title", hasItem("Draft: new contract renewal process"))
                // Staff are not counted: the answer states the burst limit, once.
                .header("RateLimit", matchesPattern("\"burst\";r=\\d+;t=\\d+"));
    }

    private static int remaining(String token) {
        String header = given().auth().oauth2(token).get(RunningSystem.GATEWAY + "/api/sections/knowledge-base/records")
                .then().statusCode(200).extract().header("RateLimit");
        return Integer.parseInt(header.replaceAll(".*;r=(\\d+);.*", "$1"));
    }
}
