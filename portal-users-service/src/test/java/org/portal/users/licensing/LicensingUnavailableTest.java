package org.portal.users.licensing;

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

/** A read that licensing-service answers with an error is asked once more, then the caller gets a 503 naming it. */
@QuarkusTest
class LicensingUnavailableTest {

    @Test
    void aFailedReadIsTriedOnceMoreThenA503() {
        String budgets = "/internal/seats/budgets/" + UUID.randomUUID();
        String account = budgets.substring(budgets.lastIndexOf('/') + 1);
        HttpStubServer.server().stubFor(get(urlEqualTo(budgets)).willReturn(aResponse().withStatus(500)));

        given().auth().oauth2(TestTokens.of("admin-1", "portal-admin")).get("/api/accounts/" + account + "/seat-budgets").then()
                .statusCode(503).body("type", equalTo("urn:portal:problem:licensing-unavailable"));
        assertEquals(2, HttpStubServer.server().findAll(getRequestedFor(urlEqualTo(budgets))).size());
    }
}
