package org.portal.users.invitations;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.portal.users.Fixtures.ADMIN;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.portal.testsupport.MutableClock;
import org.portal.users.Fixtures;
import org.portal.users.RecordingIdentityProvider;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class InvitationTest {

    @Inject
    RecordingIdentityProvider identityProvider;

    MutableClock clock;
    String account;

    @BeforeEach
    void setUp() {
        clock = new MutableClock(Instant.now());
        QuarkusMock.installMockForType(clock, Clock.class);
        account = Fixtures.account("Acme");
    }

    private String invite(String email) {
        return given().auth().oauth2(ADMIN).contentType("application/json")
                .body(Map.of("email", email, "displayName", "Ivy Invited", "accountId", account))
                .post("/api/invitations").then().statusCode(201)
                .body("code", notNullValue())
                .body("expiresAt", notNullValue())
                .extract().path("code");
    }

    private static io.restassured.response.ValidatableResponse accept(String subject, String email, String code) {
        return given().auth().oauth2(Fixtures.tokenWithEmail(subject, email)).contentType("application/json")
                .body(Map.of("code", code)).post("/api/invitations/accept").then();
    }

    @Test
    void anInvitedPersonIsCreatedAtTheProviderAndLinkedOnAccepting() {
        String email = Fixtures.newSubject() + "@acme.test";
        String code = invite(email);
        assertTrue(identityProvider.calls().stream().anyMatch(call -> call.startsWith("invite " + email + " ")));
        String subject = Fixtures.newSubject();
        accept(subject, email, code).statusCode(200)
                .body("status", equalTo("active"))
                .body("accountId", equalTo(account))
                .body("subject", equalTo(subject));
    }

    @Test
    void anInvitationIsUsedOnce() {
        String email = Fixtures.newSubject() + "@acme.test";
        String code = invite(email);
        accept(Fixtures.newSubject(), email, code).statusCode(200);
        accept(Fixtures.newSubject(), email, code).statusCode(409)
                .body("type", equalTo("urn:portal:problem:invitation-used"));
    }

    @Test
    void anInvitationExpiresAfterSevenDays() {
        String email = Fixtures.newSubject() + "@acme.test";
        String code = invite(email);
        clock.advance(Duration.ofDays(7).plusSeconds(1));
        accept(Fixtures.newSubject(), email, code).statusCode(410)
                .body("type", equalTo("urn:portal:problem:invitation-expired"));
    }

    @Test
    void anInvitationIsStillGoodJustBeforeItExpires() {
        String email = Fixtures.newSubject() + "@acme.test";
        String code = invite(email);
        clock.advance(Duration.ofDays(7).minusSeconds(1));
        accept(Fixtures.newSubject(), email, code).statusCode(200);
    }

    @Test
    void onlyThePersonInvitedMayAccept() {
        String code = invite(Fixtures.newSubject() + "@acme.test");
        accept(Fixtures.newSubject(), "someone-else@acme.test", code).statusCode(403)
                .body("type", equalTo("urn:portal:problem:invitation-other-email"));
    }

    @Test
    void anUnknownCodeIsNotFound() {
        accept(Fixtures.newSubject(), "x@acme.test", "no-such-code").statusCode(404);
    }

    @Test
    void invitingAnEmailThatIsTakenIsAConflictAndNothingIsCreated() {
        String subject = Fixtures.newSubject();
        Fixtures.user(subject, account, false);
        int calls = identityProvider.calls().size();
        given().auth().oauth2(ADMIN).contentType("application/json")
                .body(Map.of("email", (subject + "@example.test").toUpperCase(), "displayName", "Dup", "accountId", account))
                .post("/api/invitations").then().statusCode(409);
        assertEquals(calls, identityProvider.calls().size());
    }

    @Test
    void aMalformedInvitationNamesEachBadField() {
        given().auth().oauth2(ADMIN).contentType("application/json")
                .body(Map.of("email", "not-an-email", "edition", "gold"))
                .post("/api/invitations").then().statusCode(400)
                .body("type", equalTo("urn:portal:problem:validation"))
                .body("errors.field", hasItem("email"))
                .body("errors.field", hasItem("displayName"))
                .body("errors.field", hasItem("accountId"))
                .body("errors.field", hasItem("edition"));
    }

    @Test
    void whenTheProviderIsDownNoInvitationIsCreated() {
        identityProvider.down(true);
        try {
            given().auth().oauth2(ADMIN).contentType("application/json")
                    .body(Map.of("email", Fixtures.newSubject() + "@acme.test", "displayName", "X", "accountId", account))
                    .post("/api/invitations").then().statusCode(503);
        } finally {
            identityProvider.down(false);
        }
    }
}
