package org.portal.users;

import static io.restassured.RestAssured.given;

import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.util.Map;
import java.util.UUID;
import org.portal.testsupport.TestTokens;

/** Accounts, users and tokens the tests build through the API. */
final class Fixtures {

    static final String ADMIN = TestTokens.of("admin-1", "portal-admin");

    private Fixtures() {
    }

    static String account(String prefix) {
        return given().auth().oauth2(ADMIN).contentType("application/json")
                .body(Map.of("name", prefix + " " + UUID.randomUUID()))
                .post("/api/accounts").then().statusCode(201).extract().path("id");
    }

    /** An active portal user of the account; returns the user id. Their token: {@link #token(String)}. */
    static String user(String subject, String accountId, boolean accountAdmin) {
        return given().auth().oauth2(ADMIN).contentType("application/json")
                .body(Map.of("subject", subject, "email", subject + "@example.test", "displayName", "Jane Doe",
                        "accountId", accountId, "accountAdmin", accountAdmin))
                .post("/api/users").then().statusCode(201).extract().path("id");
    }

    static String token(String subject) {
        return TestTokens.of(subject, "portal-user");
    }

    /** A token with a chosen email, as the identity provider issues after sign-up. */
    static String tokenWithEmail(String subject, String email) {
        JwtClaimsBuilder claims = TestTokens.claims(subject, "portal-user").claim("email", email);
        return claims.jws().keyId("1").sign();
    }

    static String newSubject() {
        return "sub-" + UUID.randomUUID();
    }
}
