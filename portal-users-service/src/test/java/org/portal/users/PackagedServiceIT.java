package org.portal.users;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.portal.testsupport.HttpStubServer;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * The packaged application, as production runs it: migrations, the licensing client with its
 * service token, the JSON column of preferences and problem responses all come from the jar.
 */
@QuarkusIntegrationTest
class PackagedServiceIT {

    @Test
    void aUserSeesTheirEditionFromLicensingAndKeepsTheirPreferences() {
        String subject = Fixtures.newSubject();
        String userId = Fixtures.user(subject, Fixtures.account("Acme"), false);
        HttpStubServer.server().stubFor(get(urlEqualTo("/internal/users/" + userId + "/entitlement"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("""
                        {"licenseId":"l1","edition":"customer","mainProduct":"sales","dailyCallLimit":1000,
                         "sections":[{"code":"knowledge-base","operations":["read"]}]}""")));
        String token = Fixtures.token(subject);
        Fixtures.sectionColumns();
        given().auth().oauth2(token).get("/api/me").then().statusCode(200)
                .body("id", equalTo(userId)).body("edition", equalTo("customer"));
        given().auth().oauth2(token).contentType("application/json")
                .body(Map.of("language", "de-CH", "listColumns", Map.of("cases", List.of("subject", "status"))))
                .put("/api/me/preferences").then().statusCode(200);
        given().auth().oauth2(token).get("/api/me/preferences").then().statusCode(200)
                .body("language", equalTo("de-CH")).body("listColumns.cases[1]", equalTo("status"));
    }

    @Test
    void someoneWhoIsNotAPortalUserGetsAProblem() {
        given().auth().oauth2(Fixtures.token(Fixtures.newSubject())).get("/api/me").then().statusCode(404)
                .contentType("application/problem+json");
    }
}
