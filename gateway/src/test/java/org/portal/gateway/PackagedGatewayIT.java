package org.portal.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.portal.gateway.DownstreamServices.CUSTOMER_GRANTS;
import static org.portal.gateway.DownstreamServices.json;
import static org.portal.gateway.DownstreamServices.portalUser;
import static org.portal.gateway.DownstreamServices.server;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.portal.testsupport.TestTokens;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * The packaged gateway, as production runs it: the whole pipeline (token, access context, the
 * quota's Lua script from the jar, the proxy) and its problem responses.
 */
@QuarkusIntegrationTest
class PackagedGatewayIT {

    @Test
    void aPortalUsersCallIsAuthorizedCountedAndProxied() {
        DownstreamServices.customSections();
        server().stubFor(get(urlEqualTo("/api/sections/cases/records")).willReturn(json(200, "{\"items\":[]}")));
        String subject = "user-" + UUID.randomUUID();
        portalUser(subject, "active", "customer", 1000, CUSTOMER_GRANTS);
        String token = TestTokens.of(subject, "portal-user");
        given().auth().oauth2(token).get("/api/sections/cases/records").then().statusCode(200)
                .header("RateLimit", matchesPattern("\"daily\";r=999;t=\\d+"));
        given().auth().oauth2(token).get("/api/sections/cases/records").then().statusCode(200)
                .header("RateLimit", matchesPattern("\"daily\";r=998;t=\\d+"));
        given().auth().oauth2(token).get("/api/sections/leads/records").then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void aCallWithoutATokenIsAProblem() {
        given().get("/api/sections/cases/records").then().statusCode(401).contentType("application/problem+json")
                .body("type", equalTo("urn:portal:problem:unauthorized"));
    }
}
