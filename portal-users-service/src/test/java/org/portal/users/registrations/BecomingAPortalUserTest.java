package org.portal.users.registrations;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.portal.users.Fixtures.ADMIN;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.portal.testsupport.HttpStubServer;
import org.portal.testsupport.TestMailServer;
import org.portal.testsupport.TestMailServer.Received;
import org.portal.testsupport.TestTokens;
import org.portal.users.Fixtures;
import org.portal.users.RecordingIdentityProvider;

import io.quarkus.test.junit.QuarkusTest;

/**
 * How a person becomes a portal user: with a verified e-mail only, made a portal user at the identity
 * provider by an approval or an accepted invitation, and told by mail at each step.
 */
@QuarkusTest
class BecomingAPortalUserTest {

    @Inject
    RecordingIdentityProvider identityProvider;

    private static Received mailTo(String address, String subjectPart) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> TestMailServer.receivedBy(address).stream()
                .filter(mail -> mail.subject().contains(subjectPart)).findFirst().orElse(null), mail -> mail != null);
    }

    private static String register(String subject, String email) {
        return given().auth().oauth2(Fixtures.tokenWithEmail(subject, email)).contentType("application/json")
                .body(Map.of("displayName", "Nora New", "companyName", "Nobody knows us"))
                .post("/api/registrations").then().statusCode(201).extract().path("id");
    }

    /** Invites the address into a new account; answers the one-time code. */
    private static String invite(String email) {
        return given().auth().oauth2(ADMIN).contentType("application/json")
                .body(Map.of("email", email, "displayName", "Ivy Invited", "accountId", Fixtures.account("Acme")))
                .post("/api/invitations").then().statusCode(201)
                .body("setupEmailSent", equalTo(true))
                .extract().path("code");
    }

    @Test
    void registeringNeedsAVerifiedEmail() {
        String subject = Fixtures.newSubject();
        given().auth().oauth2(Fixtures.tokenWithUnverifiedEmail(subject, subject + "@new.test")).contentType("application/json")
                .body(Map.of("displayName", "Nora New", "companyName", "Acme"))
                .post("/api/registrations").then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:portal:problem:email-not-verified"))
                .body("detail", containsString("not verified"));
    }

    @Test
    void registeringNeedsAnEmail() {
        String token = TestTokens.claims(Fixtures.newSubject()).remove("email").jws().keyId("1").sign();
        given().auth().oauth2(token).contentType("application/json")
                .body(Map.of("displayName", "Nora New", "companyName", "Acme"))
                .post("/api/registrations").then().statusCode(403)
                .body("type", equalTo("urn:portal:problem:email-not-verified"))
                .body("detail", containsString("no e-mail address"));
    }

    @Test
    void aRegistrantIsToldByMailThatTheRegistrationArrived() {
        String subject = Fixtures.newSubject();
        String email = subject + "@new.test";
        register(subject, email);
        assertTrue(mailTo(email, "received").body().contains("Nora New"));
    }

    @Test
    void anApprovalMakesThePersonAPortalUserAtTheProviderAndMailsThem() {
        HttpStubServer.server().stubFor(post(urlEqualTo("/internal/seats")).willReturn(aResponse().withStatus(201)));
        String subject = Fixtures.newSubject();
        String email = subject + "@new.test";
        String registration = register(subject, email);
        assertFalse(identityProvider.calls().contains("grant portal-user to " + subject), "pending is no portal user");

        given().auth().oauth2(ADMIN).contentType("application/json")
                .body(Map.of("accountId", Fixtures.account("Acme"), "edition", "customer"))
                .post("/api/registrations/" + registration + "/approve").then().statusCode(200);

        assertTrue(identityProvider.calls().contains("grant portal-user to " + subject));
        Received mail = mailTo(email, "approved");
        assertTrue(mail.body().contains("customer edition"), mail.body());
    }

    @Test
    void aFailedGrantAtTheProviderLeavesTheRegistrationPending() {
        String subject = Fixtures.newSubject();
        String registration = register(subject, subject + "@new.test");
        identityProvider.down(true);
        try {
            given().auth().oauth2(ADMIN).contentType("application/json").body(Map.of("accountId", Fixtures.account("Acme")))
                    .post("/api/registrations/" + registration + "/approve").then().statusCode(503)
                    .body("type", equalTo("urn:portal:problem:identity-provider-unavailable"));
        } finally {
            identityProvider.down(false);
        }
        given().auth().oauth2(ADMIN).get("/api/registrations?status=pending&limit=200").then().statusCode(200)
                .body("id", org.hamcrest.Matchers.hasItem(registration));
    }

    @Test
    void aRejectionIsMailedWithTheNote() {
        String subject = Fixtures.newSubject();
        String email = subject + "@new.test";
        String registration = register(subject, email);
        given().auth().oauth2(ADMIN).contentType("application/json").body(Map.of("note", "We do not know your company"))
                .post("/api/registrations/" + registration + "/reject").then().statusCode(200);
        assertTrue(mailTo(email, "not approved").body().contains("We do not know your company"));
    }

    @Test
    void anInvitationIsMailedWithItsAcceptanceLinkAndTheProviderLeadsBackToIt() {
        String email = Fixtures.newSubject() + "@acme.test";
        String code = invite(email);

        Received mail = mailTo(email, "invitation");
        Matcher link = Pattern.compile("(http://localhost:5173/invitation\\?code=(\\S+))").matcher(mail.body());
        assertTrue(link.find(), mail.body());
        assertEquals(code, link.group(2));
        assertTrue(identityProvider.calls().contains("invite " + email + " then " + link.group(1)),
                "the provider's set-password pages end at the acceptance link: " + identityProvider.calls());
    }

    @Test
    void acceptingNeedsAVerifiedEmailAndMakesThePersonAPortalUser() {
        String email = Fixtures.newSubject() + "@acme.test";
        String code = invite(email);
        String subject = Fixtures.newSubject();

        given().auth().oauth2(Fixtures.tokenWithUnverifiedEmail(subject, email)).contentType("application/json")
                .body(Map.of("code", code)).post("/api/invitations/accept").then().statusCode(403)
                .body("type", equalTo("urn:portal:problem:email-not-verified"));
        assertFalse(identityProvider.calls().contains("grant portal-user to " + subject));

        given().auth().oauth2(Fixtures.tokenWithEmail(subject, email)).contentType("application/json")
                .body(Map.of("code", code)).post("/api/invitations/accept").then().statusCode(200);
        assertTrue(identityProvider.calls().contains("grant portal-user to " + subject));
    }

    @Test
    void aMailWaitsInTheOutboxWhileTheMailServerIsAwayAndLeavesWhenItIsBack() {
        String subject = Fixtures.newSubject();
        String email = subject + "@new.test";
        TestMailServer.goAway();
        try {
            register(subject, email);
            await().pollDelay(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3)).until(() -> true);
        } finally {
            TestMailServer.comeBack();
        }
        List<Received> mails = await().atMost(Duration.ofSeconds(15)).until(() -> TestMailServer.receivedBy(email),
                received -> !received.isEmpty());
        assertEquals(1, mails.size(), "sent once: " + mails);
    }
}
