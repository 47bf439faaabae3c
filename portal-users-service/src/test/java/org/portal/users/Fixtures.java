package org.portal.users;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.UUID;

import org.portal.testsupport.HttpStubServer;
import org.portal.testsupport.TestTokens;

/** Accounts, users and tokens the tests build through the API. */
public final class Fixtures {

    public static final String ADMIN = TestTokens.of("admin-1", "portal-admin");

    private Fixtures() {
    }

    public static String account(String prefix) {
        return given().auth().oauth2(ADMIN).contentType("application/json")
                .body(Map.of("name", prefix + " " + UUID.randomUUID()))
                .post("/api/accounts").then().statusCode(201).extract().path("id");
    }

    /** An active portal user of the account; returns the user id. Their token: {@link #token(String)}. */
    public static String user(String subject, String accountId, boolean accountAdmin) {
        return given().auth().oauth2(ADMIN).contentType("application/json")
                .body(Map.of("subject", subject, "email", subject + "@example.test", "displayName", "Jane Doe",
                        "accountId", accountId, "accountAdmin", accountAdmin))
                .post("/api/users").then().statusCode(201).extract().path("id");
    }

    public static String token(String subject) {
        return TestTokens.of(subject, "portal-user");
    }

    /**
     * A token with a chosen, verified e-mail, as the identity provider issues after sign-up: no portal
     * role yet.
     */
    public static String tokenWithEmail(String subject, String email) {
        return TestTokens.claims(subject).claim("email", email).claim("email_verified", true).jws().keyId("1").sign();
    }

    /** The same person before they followed the provider's verification mail. */
    public static String tokenWithUnverifiedEmail(String subject, String email) {
        return TestTokens.claims(subject).claim("email", email).claim("email_verified", false).jws().keyId("1").sign();
    }

    /** sections-service's list columns as it answers them: cases (with a lifecycle) and knowledge-base. */
    public static void sectionColumns() {
        HttpStubServer.server().stubFor(get(urlEqualTo("/internal/sections/columns")).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "application/json").withBody("""
                        [{"code":"cases","columns":["status","statusChangedAt","createdAt","updatedAt","subject","priority"]},
                         {"code":"knowledge-base","columns":["createdAt","updatedAt","title"]}]""")));
    }

    public static String newSubject() {
        return "sub-" + UUID.randomUUID();
    }
}
