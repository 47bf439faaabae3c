package org.portal.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;

/**
 * What an account administrator may do, through the gateway, with real licensing-service and Keycloak:
 * give and take back seats out of the budget a portal administrator set, and none of staff's powers.
 * customer-globex is made Globex's account administrator for the test.
 */
class AccountAdministratorIT {

    private static final String GATEWAY = RunningSystem.GATEWAY;

    String admin;
    String globex;
    String globexAdminId;
    String globexAdmin;

    @BeforeEach
    void makeGlobexsAdministrator() {
        admin = RunningSystem.token("admin");
        globex = RunningSystem.accountId(admin, "Globex");
        globexAdminId = given().auth().oauth2(admin).get(GATEWAY + "/api/users?email=customer-globex@globex.example")
                .then().statusCode(200).extract().path("items[0].id");
        setAccountAdmin(true);
        globexAdmin = RunningSystem.token("customer-globex");
    }

    @AfterEach
    void undo() {
        setAccountAdmin(false);
    }

    private void setAccountAdmin(boolean flag) {
        given().auth().oauth2(admin).contentType("application/json").body(Map.of("accountAdmin", flag))
                .patch(GATEWAY + "/api/users/" + globexAdminId).then().statusCode(200);
    }

    /** A Globex user without a seat; linking an identity by hand is a portal administrator's power. */
    private String globexUser() {
        String subject = UUID.randomUUID().toString();
        return given().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("subject", subject, "email", subject + "@globex.example", "displayName", "Gabe",
                        "accountId", globex))
                .post(GATEWAY + "/api/users").then().statusCode(201).extract().path("id");
    }

    private io.restassured.response.ValidatableResponse giveSeat(String token, String user, String edition) {
        return given().auth().oauth2(token).contentType("application/json").body(Map.of("edition", edition))
                .put(GATEWAY + "/api/users/" + user + "/seat").then();
    }

    @Test
    void seatsComeOutOfTheAccountsBudgetAndNoFurther() {
        given().auth().oauth2(admin).contentType("application/json").body(Map.of("seats", 1))
                .put(GATEWAY + "/api/licensing/accounts/" + globex + "/seat-budgets/customer").then().statusCode(200);
        String first = globexUser();
        String second = globexUser();

        giveSeat(globexAdmin, first, "customer").statusCode(204);
        giveSeat(globexAdmin, second, "customer").statusCode(409).body("type", endsWith(":seat-budget-exhausted"));
        giveSeat(globexAdmin, second, "partner").statusCode(403).body("type", endsWith(":no-seat-budget"));
        given().auth().oauth2(globexAdmin).get(GATEWAY + "/api/accounts/" + globex + "/seat-budgets").then()
                .statusCode(200).body("find { it.edition == 'customer' }.used", equalTo(1));
        given().auth().oauth2(admin).get(GATEWAY + "/api/licensing/ledger?userId=" + first).then().statusCode(200)
                .body("items.actor", hasItem(JsonPath.from(given().auth().oauth2(admin)
                        .get(GATEWAY + "/api/users/" + globexAdminId).asString()).getString("subject")));

        given().auth().oauth2(globexAdmin).delete(GATEWAY + "/api/users/" + first + "/seat").then().statusCode(204);
        giveSeat(globexAdmin, second, "customer").statusCode(204);
        given().auth().oauth2(admin).get(GATEWAY + "/api/licensing/users/" + second + "/entitlement").then()
                .statusCode(200).body("edition", equalTo("customer"));
    }

    @Test
    void staffPowersStayWithStaff() {
        String subject = UUID.randomUUID().toString();
        given().auth().oauth2(globexAdmin).contentType("application/json")
                .body(Map.of("subject", subject, "email", subject + "@globex.example", "displayName", "X", "accountId", globex))
                .post(GATEWAY + "/api/users").then().statusCode(403).body("type", endsWith(":staff-only"));
        String user = globexUser();
        given().auth().oauth2(globexAdmin).contentType("application/json").body(Map.of("accountAdmin", true))
                .patch(GATEWAY + "/api/users/" + user).then().statusCode(403).body("type", endsWith(":staff-only"));
        given().auth().oauth2(admin).post(GATEWAY + "/api/users/" + user + "/block").then().statusCode(200);
        given().auth().oauth2(globexAdmin).post(GATEWAY + "/api/users/" + user + "/unblock").then().statusCode(403)
                .body("type", endsWith(":staff-only"));
        given().auth().oauth2(globexAdmin).contentType("application/json")
                .body(Map.of("email", subject + "@elsewhere.example", "displayName", "Y", "accountId", globex, "edition",
                        "partner"))
                .post(GATEWAY + "/api/invitations").then().statusCode(403).body("type", endsWith(":no-seat-budget"));
    }

    @Test
    void aStaffIdentityCannotBeDisabledThroughAPortalUser() {
        String keycloak = RunningSystem.keycloakAdminToken();
        String users = RunningSystem.KEYCLOAK + "/admin/realms/portal/users";
        String username = "agent-" + UUID.randomUUID();
        String agentSubject = RunningSystem.createIdentity(username, username + "@vendor.example", RunningSystem.PASSWORD,
                "portal-agent");

        String linked = given().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("subject", agentSubject, "email", username + "@vendor.example", "displayName", "Agent",
                        "accountId", globex))
                .post(GATEWAY + "/api/users").then().statusCode(201).extract().path("id");
        given().auth().oauth2(admin).post(GATEWAY + "/api/users/" + linked + "/block").then().statusCode(403)
                .body("type", endsWith(":staff-identity"));
        assertEquals(true, given().auth().oauth2(keycloak).get(users + "/" + agentSubject).then().statusCode(200)
                .extract().path("enabled"));
    }
}
