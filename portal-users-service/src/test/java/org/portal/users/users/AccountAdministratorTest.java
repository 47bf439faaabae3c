package org.portal.users.users;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.portal.users.Fixtures.ADMIN;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.portal.testsupport.TestTokens;
import org.portal.users.Fixtures;

import io.quarkus.test.junit.QuarkusTest;

/** An account administrator manages their own account's people, and cannot even see another's. */
@QuarkusTest
class AccountAdministratorTest {

    String acme;
    String globex;
    String acmeAdmin;
    String acmeUser;
    String globexUser;

    @BeforeEach
    void twoAccounts() {
        acme = Fixtures.account("Acme");
        globex = Fixtures.account("Globex");
        String adminSubject = Fixtures.newSubject();
        Fixtures.user(adminSubject, acme, true);
        acmeAdmin = Fixtures.token(adminSubject);
        acmeUser = Fixtures.user(Fixtures.newSubject(), acme, false);
        globexUser = Fixtures.user(Fixtures.newSubject(), globex, false);
    }

    @Test
    void seesOnlyTheirAccountsUsers() {
        given().auth().oauth2(acmeAdmin).get("/api/users?limit=200").then().statusCode(200)
                .body("items.id", hasItem(acmeUser))
                .body("items.id", not(hasItem(globexUser)))
                .body("items.accountId", everyItem(equalTo(acme)));
        given().auth().oauth2(acmeAdmin).get("/api/users?accountId=" + globex).then().statusCode(200)
                .body("items.id", not(hasItem(globexUser)));
    }

    @Test
    void anotherAccountsUserIsNotFound() {
        given().auth().oauth2(acmeAdmin).get("/api/users/" + globexUser).then().statusCode(404);
        given().auth().oauth2(acmeAdmin).post("/api/users/" + globexUser + "/block").then().statusCode(404);
        given().auth().oauth2(ADMIN).get("/api/users/" + globexUser).then().body("status", equalTo("active"));
    }

    @Test
    void blocksTheirOwnAccountsUsers() {
        given().auth().oauth2(acmeAdmin).post("/api/users/" + acmeUser + "/block").then().statusCode(200)
                .body("status", equalTo("blocked"));
    }

    @Test
    void cannotMoveUsersToAnotherAccount() {
        given().auth().oauth2(acmeAdmin).contentType("application/json").body(Map.of("accountId", globex))
                .patch("/api/users/" + acmeUser).then().statusCode(403);
    }

    @Test
    void cannotInviteIntoAnotherAccount() {
        given().auth().oauth2(acmeAdmin).contentType("application/json")
                .body(Map.of("email", Fixtures.newSubject() + "@globex.test", "displayName", "X", "accountId", globex))
                .post("/api/invitations").then().statusCode(404);
    }

    @Test
    void decidesOnlyTheirAccountsRegistrations() {
        String subject = Fixtures.newSubject();
        String globexName = given().auth().oauth2(ADMIN).get("/api/accounts/" + globex).then().extract().path("name");
        String registration = given().auth().oauth2(Fixtures.tokenWithEmail(subject, subject + "@globex.test"))
                .contentType("application/json").body(Map.of("displayName", "Gus", "companyName", globexName))
                .post("/api/registrations").then().statusCode(201).body("accountId", equalTo(globex)).extract().path("id");
        given().auth().oauth2(acmeAdmin).get("/api/registrations?status=pending").then().statusCode(200)
                .body("id", not(hasItem(registration)));
        given().auth().oauth2(acmeAdmin).contentType("application/json").body(Map.of())
                .post("/api/registrations/" + registration + "/approve").then().statusCode(404);
    }

    @Test
    void aPlainPortalUserManagesNobody() {
        String plain = Fixtures.newSubject();
        Fixtures.user(plain, acme, false);
        given().auth().oauth2(Fixtures.token(plain)).get("/api/users").then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void cannotLinkAnIdentityByHand() {
        given().auth().oauth2(acmeAdmin).contentType("application/json")
                .body(Map.of("subject", "agent-1", "email", Fixtures.newSubject() + "@acme.test", "displayName", "Agent",
                        "accountId", acme))
                .post("/api/users").then().statusCode(403).body("type", endsWith(":staff-only"));
    }

    @Test
    void cannotChangeRoles() {
        given().auth().oauth2(acmeAdmin).contentType("application/json").body(Map.of("accountAdmin", true))
                .patch("/api/users/" + acmeUser).then().statusCode(403).body("type", endsWith(":staff-only"));
        given().auth().oauth2(ADMIN).get("/api/users/" + acmeUser).then().body("accountAdmin", equalTo(false));
        // Naming the flag as it is changes nothing, so it is no role change.
        given().auth().oauth2(acmeAdmin).contentType("application/json")
                .body(Map.of("accountAdmin", false, "accessScope", "own"))
                .patch("/api/users/" + acmeUser).then().statusCode(200).body("accessScope", equalTo("own"));
    }

    @Test
    void cannotUndoABlockThatStaffSet() {
        given().auth().oauth2(ADMIN).post("/api/users/" + acmeUser + "/block").then().statusCode(200)
                .body("blockedByStaff", equalTo(true));
        given().auth().oauth2(acmeAdmin).post("/api/users/" + acmeUser + "/unblock").then().statusCode(403)
                .body("type", endsWith(":staff-only"));
        given().auth().oauth2(acmeAdmin).contentType("application/json").body(Map.of("status", "active"))
                .patch("/api/users/" + acmeUser).then().statusCode(403);
        given().auth().oauth2(ADMIN).get("/api/users/" + acmeUser).then().body("status", equalTo("blocked"));
        given().auth().oauth2(ADMIN).post("/api/users/" + acmeUser + "/unblock").then().statusCode(200)
                .body("status", equalTo("active")).body("blockedByStaff", equalTo(false));
    }

    @Test
    void undoesTheirOwnBlock() {
        given().auth().oauth2(acmeAdmin).post("/api/users/" + acmeUser + "/block").then().statusCode(200)
                .body("blockedByStaff", equalTo(false));
        given().auth().oauth2(acmeAdmin).post("/api/users/" + acmeUser + "/unblock").then().statusCode(200)
                .body("status", equalTo("active"));
    }

    @Test
    void staffCannotBecomePortalUsers() {
        String agent = TestTokens.claims("agent-" + Fixtures.newSubject(), "portal-agent")
                .claim("email", "agent@vendor.test").claim("email_verified", true).jws().keyId("1").sign();
        given().auth().oauth2(agent).contentType("application/json")
                .body(Map.of("displayName", "Agent", "companyName", "Acme"))
                .post("/api/registrations").then().statusCode(403).body("type", endsWith(":staff-identity"));
        given().auth().oauth2(agent).contentType("application/json").body(Map.of("code", "x".repeat(43)))
                .post("/api/invitations/accept").then().statusCode(403).body("type", endsWith(":staff-identity"));
    }
}
