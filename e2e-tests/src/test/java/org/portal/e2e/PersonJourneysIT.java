package org.portal.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.htmlunit.html.HtmlPage;
import org.junit.jupiter.api.Test;

/**
 * The ways a person becomes, stays and stops being a portal user, walked as that person: Keycloak's
 * own pages in a browser, the mails in their mailbox, the API through the gateway.
 */
class PersonJourneysIT {

    private static final String GATEWAY = RunningSystem.GATEWAY;

    private static String uniqueName(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Signs up on Keycloak's registration page; answers the page Keycloak shows next. */
    private static HtmlPage signUp(Browser browser, String username, String email, String password) {
        HtmlPage registration = browser.click(browser.signIn(), "registration");
        return browser.submit(registration, Map.of("username", username, "email", email, "firstName", "Nora",
                "lastName", "Newcomer", "password", password, "password-confirm", password));
    }

    @Test
    void aPersonSignsUpVerifiesTheirMailRegistersIsApprovedAndWorksWithCases() {
        String username = uniqueName("nora");
        String email = username + "@newcomer.example";
        String password = "Sign-up-" + UUID.randomUUID();
        Mailbox mailbox = new Mailbox(email);
        try (Browser browser = new Browser()) {
            HtmlPage next = signUp(browser, username, email, password);
            assertTrue(next.asNormalizedText().toLowerCase().contains("verify"), next.asNormalizedText());

            browser.continueToFrontEnd(browser.open(mailbox.awaitMail("Verify email").link("action-token")), password);
            Browser.Tokens tokens = browser.tokens();

            String registration = given().auth().oauth2(tokens.access()).contentType("application/json")
                    .body(Map.of("displayName", "Nora Newcomer", "companyName", "Acme", "message", "I buy from you"))
                    .post(GATEWAY + "/api/registrations").then().statusCode(201)
                    .body("status", equalTo("pending")).extract().path("id");
            mailbox.awaitMail("received");
            new Mailbox("admin@portal.example").awaitMail("New portal registration: Nora Newcomer (Acme)", email);
            given().auth().oauth2(tokens.access()).get(GATEWAY + "/api/sections/cases/records").then().statusCode(403);

            String admin = RunningSystem.token("admin");
            given().auth().oauth2(admin).contentType("application/json")
                    .body(Map.of("accountId", RunningSystem.accountId(admin, "Acme"), "edition", "customer"))
                    .post(GATEWAY + "/api/registrations/" + registration + "/approve").then().statusCode(200)
                    .body("status", equalTo("approved"));
            assertTrue(mailbox.awaitMail("approved").text().contains("customer edition"));

            String access = tokens.refreshed().access();
            given().auth().oauth2(access).get(GATEWAY + "/api/sections/cases/records").then().statusCode(200);
            String caseId = given().auth().oauth2(access).contentType("application/json")
                    .body(Map.of("values", Map.of("subject", "My first order arrived damaged")))
                    .post(GATEWAY + "/api/sections/cases/records").then().statusCode(201)
                    .body("status", equalTo("new")).extract().path("id");
            given().auth().oauth2(access).get(GATEWAY + "/api/sections/cases/records").then().statusCode(200)
                    .body("items.id", hasItem(caseId));
            given().auth().oauth2(access).get(GATEWAY + "/api/main-page").then().statusCode(200);
            given().auth().oauth2(access).get(GATEWAY + "/api/me").then().statusCode(200)
                    .body("edition", equalTo("customer")).body("account.name", equalTo("Acme"));
        }
    }

    @Test
    void anInvitedPersonSetsAPasswordFromTheMailAcceptsAndWorksInTheirEdition() {
        String email = uniqueName("ivy") + "@invited.example";
        String password = "Invited-" + UUID.randomUUID();
        Mailbox mailbox = new Mailbox(email);
        String admin = RunningSystem.token("admin");
        given().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("email", email, "displayName", "Ivy Invited", "accountId", RunningSystem.accountId(admin, "Acme"),
                        "edition", "customer"))
                .post(GATEWAY + "/api/invitations").then().statusCode(201)
                .body("setupEmailSent", equalTo(true));

        String acceptanceLink = mailbox.awaitMail("invitation").link("/invitation?code=");
        try (Browser browser = new Browser()) {
            browser.continueToFrontEnd(browser.open(mailbox.awaitMail("Update Your Account").link("action-token")), password);
            assertEquals(acceptanceLink, browser.lastFrontEndVisit().toString(), "the provider's pages end at the invitation");
            String code = browser.frontEndParameter("code");

            HtmlPage login = browser.signIn();
            if (login != null && !login.getElementsByName("password").isEmpty()) {
                browser.submit(login, Map.of("username", email, "password", password));
            }
            Browser.Tokens tokens = browser.tokens();
            given().auth().oauth2(tokens.access()).contentType("application/json").body(Map.of("code", code))
                    .post(GATEWAY + "/api/invitations/accept").then().statusCode(200)
                    .body("status", equalTo("active"));

            String access = tokens.refreshed().access();
            given().auth().oauth2(access).get(GATEWAY + "/api/sections/financial-product-requests/records").then()
                    .statusCode(200);
            given().auth().oauth2(access).get(GATEWAY + "/api/sections/leads/records").then().statusCode(403)
                    .body("type", equalTo("urn:portal:problem:section-not-granted"));
        }
    }

    @Test
    void aPersonWhoForgotTheirPasswordSetsANewOneFromTheMail() {
        String username = uniqueName("fred");
        String email = username + "@forgetful.example";
        String oldPassword = "Old-" + UUID.randomUUID();
        String newPassword = "New-" + UUID.randomUUID();
        RunningSystem.createIdentity(username, email, oldPassword);
        Mailbox mailbox = new Mailbox(email);
        try (Browser browser = new Browser()) {
            HtmlPage forgot = browser.click(browser.signIn(), "reset-credentials");
            HtmlPage sent = browser.submit(forgot, Map.of("username", email));
            assertTrue(sent.asNormalizedText().toLowerCase().contains("email"), sent.asNormalizedText());

            browser.continueToFrontEnd(browser.open(mailbox.awaitMail("Reset password").link("action-token")), newPassword);
            given().auth().oauth2(browser.tokens().access()).get(GATEWAY + "/api/me").then().statusCode(404)
                    .body("detail", containsString("not a portal user"));
        }
        assertEquals(200, passwordGrant(username, newPassword));
        assertEquals(401, passwordGrant(username, oldPassword), "the old password no longer works");
    }

    @Test
    void aPersonWhoseMailIsNotVerifiedGetsNoTokenToRegisterWith() {
        String username = uniqueName("una");
        String email = username + "@unverified.example";
        String password = "Unverified-" + UUID.randomUUID();
        try (Browser browser = new Browser()) {
            HtmlPage next = signUp(browser, username, email, password);
            assertTrue(next.asNormalizedText().toLowerCase().contains("verify"), next.asNormalizedText());
            assertTrue(browser.signIn().asNormalizedText().toLowerCase().contains("sign in"),
                    "no sign-in reaches the portal before the address is verified");
        }
        given().formParam("grant_type", "password").formParam("client_id", "portal-dev").formParam("username", username)
                .formParam("password", password).post(RunningSystem.REALM + "/protocol/openid-connect/token").then()
                .statusCode(400).body("error_description", containsString("not fully set up"));
    }

    @Test
    void nobodyButTheInvitedPersonCanAcceptAnInvitation() {
        String email = uniqueName("ian") + "@invited.example";
        String admin = RunningSystem.token("admin");
        given().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("email", email, "displayName", "Ian Invited", "accountId", RunningSystem.accountId(admin, "Acme")))
                .post(GATEWAY + "/api/invitations").then().statusCode(201);
        String link = new Mailbox(email).awaitMail("invitation").link("/invitation?code=");
        String code = link.substring(link.indexOf("code=") + 5);

        given().auth().oauth2(RunningSystem.token("ssp-acme")).contentType("application/json").body(Map.of("code", code))
                .post(GATEWAY + "/api/invitations/accept").then().statusCode(403)
                .body("type", equalTo("urn:portal:problem:invitation-other-email"))
                .body("detail", containsString(email));
        given().auth().oauth2(RunningSystem.token("agent")).contentType("application/json").body(Map.of("code", code))
                .post(GATEWAY + "/api/invitations/accept").then().statusCode(403)
                .body("type", equalTo("urn:portal:problem:staff-identity"));
    }

    @Test
    void aBlockedUserIsRefusedEverywhereAtOnceAndUnblockingRestoresAccess() {
        String token = RunningSystem.token("customer-globex");
        String admin = RunningSystem.token("admin");
        String userId = given().auth().oauth2(admin).get(GATEWAY + "/api/users?email=customer-globex@globex.example")
                .then().statusCode(200).extract().path("items[0].id");
        String[] routes = { "/api/me", "/api/me/preferences", "/api/main-page", "/api/sections",
                "/api/sections/cases/records", "/api/approvals" };
        for (String route : routes) {
            given().auth().oauth2(token).get(GATEWAY + route).then().statusCode(200);
        }
        given().auth().oauth2(admin).post(GATEWAY + "/api/users/" + userId + "/block").then().statusCode(200);
        long blockedAt = System.nanoTime();
        try {
            for (String route : routes) {
                await(route + " refuses the blocked user").atMost(Duration.ofSeconds(1))
                        .pollInterval(Duration.ofMillis(50))
                        .until(() -> given().auth().oauth2(token).get(GATEWAY + route).statusCode() == 403);
            }
            assertTrue(System.nanoTime() - blockedAt < 1_000_000_000L, "every route refused within a second");
            given().auth().oauth2(token).get(GATEWAY + "/api/sections/cases/records").then().statusCode(403)
                    .contentType("application/problem+json").body("type", equalTo("urn:portal:problem:user-not-active"));
        } finally {
            given().auth().oauth2(admin).post(GATEWAY + "/api/users/" + userId + "/unblock").then().statusCode(200);
        }
        for (String route : routes) {
            await(route + " serves the unblocked user").atMost(Duration.ofSeconds(1))
                    .until(() -> given().auth().oauth2(token).get(GATEWAY + route).statusCode() == 200);
        }
        // The seat stays with a blocked user (docs/decisions/0006): unblocked, they work in their edition at once.
        given().auth().oauth2(token).get(GATEWAY + "/api/me").then().body("edition", equalTo("customer"));
    }

    private static int passwordGrant(String username, String password) {
        return given().formParam("grant_type", "password").formParam("client_id", "portal-dev").formParam("username", username)
                .formParam("password", password).post(RunningSystem.REALM + "/protocol/openid-connect/token").statusCode();
    }
}
