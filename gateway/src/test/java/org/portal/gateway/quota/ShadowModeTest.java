package org.portal.gateway.quota;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.portal.gateway.DownstreamServices.json;
import static org.portal.gateway.DownstreamServices.portalUser;
import static org.portal.gateway.DownstreamServices.server;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.portal.gateway.DownstreamServices;
import org.portal.testsupport.TestTokens;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** Shadow mode, for rolling out a new limit: every call is counted and reported, none refused. */
@QuarkusTest
@TestProfile(ShadowModeTest.Shadow.class)
class ShadowModeTest {

    @io.quarkus.test.common.http.TestHTTPResource(value = "/metrics", management = true)
    java.net.URL metrics;

    public static class Shadow implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("portal.gateway.quota.shadow", "true");
        }
    }

    @Test
    void callsOverTheLimitAreAdmittedAndReported() {
        server().stubFor(get(urlEqualTo("/api/sections/knowledge-base/records")).willReturn(json(200, "{\"items\":[]}")));
        String subject = "user-" + UUID.randomUUID();
        portalUser(subject, "active", "customer", 1, DownstreamServices.CUSTOMER_GRANTS);
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(TestTokens.of(subject, "portal-user")).get("/api/sections/knowledge-base/records").then()
                    .statusCode(200);
        }
        given().auth().oauth2(TestTokens.of(subject, "portal-user")).get("/api/me/quota").then().statusCode(200)
                .body("used", org.hamcrest.Matchers.equalTo(3));
        given().get(metrics).then().body(containsString("gateway_quota_shadow_refusals_total 2.0"));
    }
}
