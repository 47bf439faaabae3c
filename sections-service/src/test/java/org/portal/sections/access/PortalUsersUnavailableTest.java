package org.portal.sections.access;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.portal.testsupport.HttpStubServer;
import org.portal.testsupport.TestTokens;

import io.quarkus.test.junit.QuarkusTest;

/**
 * When portal-users-service cannot say who a caller is, the caller gets a clear 503 naming it, soon:
 * an error status is tried once more, a slow answer is given up after its time limit, not waited for
 * twice.
 */
@QuarkusTest
class PortalUsersUnavailableTest {

    private static String caller() {
        return "user-" + UUID.randomUUID();
    }

    @Test
    void anErrorStatusIsTriedOnceMoreThenA503NamingTheService() {
        String subject = caller();
        HttpStubServer.server()
                .stubFor(get(urlEqualTo("/internal/subjects/" + subject)).willReturn(aResponse().withStatus(500)));

        given().auth().oauth2(TestTokens.of(subject, "portal-user")).get("/api/sections/cases/records").then()
                .statusCode(503).body("type", equalTo("urn:portal:problem:portal-users-unavailable"));
        assertEquals(2, HttpStubServer.server().findAll(getRequestedFor(urlEqualTo("/internal/subjects/" + subject))).size());
    }

    @Test
    void aSlowAnswerIsGivenUpAfterItsLimitAndNotAskedAgain() {
        String subject = caller();
        HttpStubServer.server().stubFor(get(urlEqualTo("/internal/subjects/" + subject))
                .willReturn(aResponse().withStatus(200).withFixedDelay(6000)));

        long started = System.nanoTime();
        given().auth().oauth2(TestTokens.of(subject, "portal-user")).get("/api/sections/cases/records").then()
                .statusCode(503).body("type", equalTo("urn:portal:problem:portal-users-unavailable"));
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(millis < 5000, "answered after " + millis + " ms");
        assertEquals(1, HttpStubServer.server().findAll(getRequestedFor(urlEqualTo("/internal/subjects/" + subject))).size());
    }
}
