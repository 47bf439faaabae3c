package org.portal.gateway.access;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.portal.gateway.DownstreamServices.json;
import static org.portal.gateway.DownstreamServices.portalUser;
import static org.portal.gateway.DownstreamServices.server;

import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.portal.gateway.DownstreamServices;
import org.portal.testsupport.TestTokens;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class CustomSectionsAndQuotaTest {

    @BeforeAll
    static void services() {
        DownstreamServices.customSections();
        server().stubFor(get(urlEqualTo("/api/sections/warranty-claims/records")).willReturn(json(200, "{\"items\":[]}")));
        server().stubFor(get(urlEqualTo("/api/sections/knowledge-base/records")).willReturn(json(200, "{\"items\":[]}")));
    }

    @Test
    void aCustomSectionIsOpenToTheEditionsItIsFor() {
        String customer = "user-" + UUID.randomUUID();
        portalUser(customer, "active", "customer", 1000, DownstreamServices.CUSTOMER_GRANTS);
        given().auth().oauth2(TestTokens.of(customer, "portal-user")).get("/api/sections/warranty-claims/records").then()
                .statusCode(200);
        given().auth().oauth2(TestTokens.of(customer, "portal-user")).delete("/api/sections/warranty-claims/records/1")
                .then().statusCode(403);
    }

    @Test
    void aCustomSectionIsClosedToOtherEditions() {
        String partner = "user-" + UUID.randomUUID();
        portalUser(partner, "active", "partner", 1000, DownstreamServices.CUSTOMER_GRANTS);
        given().auth().oauth2(TestTokens.of(partner, "portal-user")).get("/api/sections/warranty-claims/records").then()
                .statusCode(403).body("section", equalTo("warranty-claims"));
    }

    @Test
    void myQuotaShowsWhatIsUsedAndWhatRemains() {
        String subject = "user-" + UUID.randomUUID();
        portalUser(subject, "active", "customer", 50, DownstreamServices.CUSTOMER_GRANTS);
        String token = TestTokens.of(subject, "portal-user");
        given().auth().oauth2(token).get("/api/sections/knowledge-base/records").then().statusCode(200);
        given().auth().oauth2(token).get("/api/sections/knowledge-base/records").then().statusCode(200);
        given().auth().oauth2(token).get("/api/me/quota").then().statusCode(200)
                .header("RateLimit", org.hamcrest.Matchers.startsWith("\"burst\";"))
                .body("limit", equalTo(50))
                .body("used", equalTo(2))
                .body("remaining", equalTo(48))
                .body("resetsAt", notNullValue());
    }

    @Test
    void staffHaveNoQuota() {
        given().auth().oauth2(TestTokens.of("agent-" + UUID.randomUUID(), "portal-agent")).get("/api/me/quota").then()
                .statusCode(404).body("type", equalTo("urn:portal:problem:not-counted"));
    }
}
