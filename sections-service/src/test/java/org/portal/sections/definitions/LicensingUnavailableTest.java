package org.portal.sections.definitions;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.portal.testsupport.HttpStubServer;
import org.portal.testsupport.TestTokens;

import io.quarkus.test.junit.QuarkusTest;

/** When licensing-service answers an entitlement look-up with an error, it is asked once more, then 503. */
@QuarkusTest
class LicensingUnavailableTest {

    @Test
    void anErrorStatusIsTriedOnceMoreThenA503NamingTheService() {
        UUID userId = UUID.randomUUID();
        String subject = "user-" + UUID.randomUUID();
        HttpStubServer.server().stubFor(get(urlEqualTo("/internal/subjects/" + subject)).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"userId":"%s","subject":"%s","accountId":"%s","status":"active","accessScope":"account"}"""
                        .formatted(userId, subject, UUID.randomUUID()))));
        String entitlement = "/internal/users/" + userId + "/entitlement";
        HttpStubServer.server().stubFor(get(urlEqualTo(entitlement)).willReturn(aResponse().withStatus(502)));

        given().auth().oauth2(TestTokens.of(subject, "portal-user")).get("/api/main-page").then()
                .statusCode(503).body("type", equalTo("urn:portal:problem:licensing-unavailable"));
        assertEquals(2, HttpStubServer.server().findAll(getRequestedFor(urlEqualTo(entitlement))).size());
    }
}
