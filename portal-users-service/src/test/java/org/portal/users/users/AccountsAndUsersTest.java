package org.portal.users.users;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.portal.testsupport.TestTokens;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class AccountsAndUsersTest {

    private static final String ADMIN = TestTokens.of("admin-1", "portal-admin");
    private static final String SERVICE = TestTokens.of("service-gateway", "portal-service");

    private static String account() {
        return given().auth().oauth2(ADMIN).contentType("application/json")
                .body(Map.of("name", "Acme " + UUID.randomUUID()))
                .post("/api/accounts").then().statusCode(201).extract().path("id");
    }

    private static Map<String, Object> user(String subject, String email, String accountId) {
        return Map.of("subject", subject, "email", email, "displayName", "Jane Doe", "accountId", accountId);
    }

    @Test
    void anAdminCreatesAnAccountAndFindsItInTheList() {
        String id = account();
        given().auth().oauth2(ADMIN).get("/api/accounts?limit=200").then().statusCode(200)
                .body("id", hasItem(id));
    }

    @Test
    void accountNamesAreUniqueWhateverTheirCase() {
        String name = "Globex " + UUID.randomUUID();
        given().auth().oauth2(ADMIN).contentType("application/json").body(Map.of("name", name))
                .post("/api/accounts").then().statusCode(201);
        given().auth().oauth2(ADMIN).contentType("application/json").body(Map.of("name", name.toUpperCase()))
                .post("/api/accounts").then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:portal:problem:conflict"));
    }

    @Test
    void aServiceFindsTheUserBehindASubject() {
        String accountId = account();
        String subject = UUID.randomUUID().toString();
        String userId = given().auth().oauth2(ADMIN).contentType("application/json")
                .body(user(subject, subject + "@acme.test", accountId))
                .post("/api/users").then().statusCode(201).extract().path("id");
        given().auth().oauth2(SERVICE).get("/internal/subjects/" + subject).then().statusCode(200)
                .body("userId", equalTo(userId))
                .body("accountId", equalTo(accountId))
                .body("status", equalTo("active"))
                .body("accessScope", equalTo("account"));
    }

    @Test
    void aServiceFindsAUserById() {
        String accountId = account();
        String subject = UUID.randomUUID().toString();
        String userId = given().auth().oauth2(ADMIN).contentType("application/json")
                .body(user(subject, subject + "@acme.test", accountId))
                .post("/api/users").then().statusCode(201).extract().path("id");
        given().auth().oauth2(SERVICE).get("/internal/users/" + userId).then().statusCode(200)
                .body("subject", equalTo(subject))
                .body("accountId", equalTo(accountId))
                .body("status", equalTo("active"));
        given().auth().oauth2(SERVICE).get("/internal/users/" + UUID.randomUUID()).then().statusCode(404);
        given().auth().oauth2(ADMIN).get("/internal/users/" + userId).then().statusCode(403);
    }

    @Test
    void emailsAreUniqueWhateverTheirCase() {
        String accountId = account();
        String email = UUID.randomUUID() + "@acme.test";
        given().auth().oauth2(ADMIN).contentType("application/json").body(user(UUID.randomUUID().toString(), email, accountId))
                .post("/api/users").then().statusCode(201);
        given().auth().oauth2(ADMIN).contentType("application/json")
                .body(user(UUID.randomUUID().toString(), email.toUpperCase(), accountId))
                .post("/api/users").then().statusCode(409)
                .body("type", equalTo("urn:portal:problem:conflict"));
    }

    @Test
    void aMalformedUserIsRefusedFieldByField() {
        given().auth().oauth2(ADMIN).contentType("application/json")
                .body(Map.of("subject", "s", "email", "not-an-email", "displayName", ""))
                .post("/api/users").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:portal:problem:validation"))
                .body("errors.field", hasItem("email"))
                .body("errors.field", hasItem("displayName"))
                .body("errors.field", hasItem("accountId"));
    }

    @Test
    void anUnknownSubjectIsANotFoundProblem() {
        given().auth().oauth2(SERVICE).get("/internal/subjects/nobody").then().statusCode(404)
                .contentType("application/problem+json")
                .body("detail", notNullValue());
    }

    @Test
    void unknownPathsAreNotFoundProblems() {
        given().auth().oauth2(ADMIN).get("/api/nothing-here").then().statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:portal:problem:not-found"));
    }

    @Test
    void portalUsersCannotCreateAccounts() {
        given().auth().oauth2(TestTokens.of("u1", "portal-user")).contentType("application/json")
                .body(Map.of("name", "Mine")).post("/api/accounts").then().statusCode(403)
                .contentType("application/problem+json");
    }
}
