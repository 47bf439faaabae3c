package org.portal.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

/** portal-users-service against the real Keycloak: the identity-provider calls and /api/me. */
class PortalUsersIT {

    @Test
    void meShowsTheDemoUsersAccountAndEdition() {
        given().auth().oauth2(RunningSystem.token("customer-acme")).get(RunningSystem.GATEWAY + "/api/me").then()
                .statusCode(200)
                .body("account.name", equalTo("Acme"))
                .body("edition", equalTo("customer"))
                .body("sections.code", containsInAnyOrder("knowledge-base", "cases", "financial-product-requests",
                        "contracts"));
    }

    @Test
    void blockingAUserDisablesThemAtKeycloakAndUnblockingEnablesThem() {
        String admin = RunningSystem.token("admin");
        String userId = given().auth().oauth2(admin)
                .get(RunningSystem.GATEWAY + "/api/users?email=partner-globex@globex.example")
                .then().statusCode(200).extract().path("items[0].id");
        given().auth().oauth2(admin).post(RunningSystem.GATEWAY + "/api/users/" + userId + "/block").then().statusCode(200);
        try {
            assertEquals(400, RunningSystem.tokenStatus("partner-globex"), "a blocked user gets no token");
        } finally {
            given().auth().oauth2(admin).post(RunningSystem.GATEWAY + "/api/users/" + userId + "/unblock").then()
                    .statusCode(200);
        }
        assertEquals(200, RunningSystem.tokenStatus("partner-globex"));
    }

    @Test
    void anInvitationCreatesThePersonAtKeycloakWithSetupActions() {
        String admin = RunningSystem.token("admin");
        String acme = RunningSystem.accountId(admin, "Acme");
        String email = "invited-" + UUID.randomUUID() + "@acme.example";
        given().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("email", email, "displayName", "Ivy Invited", "accountId", acme))
                .post(RunningSystem.GATEWAY + "/api/invitations").then().statusCode(201)
                .body("email", equalTo(email));
        given().auth().oauth2(RunningSystem.keycloakAdminToken())
                .get(RunningSystem.KEYCLOAK + "/admin/realms/portal/users?exact=true&email=" + email).then().statusCode(200)
                .body("email", contains(email))
                .body("[0].requiredActions", hasItem("UPDATE_PASSWORD"))
                .body("[0].requiredActions", hasItem("VERIFY_EMAIL"));
    }

    @Test
    void staffCannotRegisterAsPortalUsers() {
        given().auth().oauth2(RunningSystem.token("agent")).contentType("application/json")
                .body(Map.of("displayName", "Alex Agent", "companyName", "Acme"))
                .post(RunningSystem.GATEWAY + "/api/registrations").then().statusCode(403)
                .body("type", endsWith(":staff-identity"));
    }
}
