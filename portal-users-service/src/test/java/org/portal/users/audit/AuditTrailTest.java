package org.portal.users.audit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.portal.users.Fixtures.ADMIN;

import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;
import org.portal.testsupport.HttpStubServer;
import org.portal.testsupport.TestTokens;
import org.portal.users.Fixtures;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** What portal-users-service's administrative actions leave in its part of the audit trail. */
@QuarkusTest
class AuditTrailTest {

    private static final String SERVICE = TestTokens.of("service-sections", "portal-service");

    @Inject
    EntityManager em;

    private static ValidatableResponse entries(String query) {
        return given().auth().oauth2(SERVICE).get("/internal/audit?" + query).then().statusCode(200);
    }

    @Test
    void blockingAndUnblockingAreRecordedWithActorRequestAndWhatChanged() {
        String accountId = Fixtures.account("Audited");
        String subject = Fixtures.newSubject();
        String userId = Fixtures.user(subject, accountId, false);
        String requestId = UUID.randomUUID().toString();

        given().auth().oauth2(ADMIN).header("X-Request-Id", requestId).post("/api/users/" + userId + "/block").then()
                .statusCode(200);
        given().auth().oauth2(ADMIN).post("/api/users/" + userId + "/unblock").then().statusCode(200);

        entries("target=" + userId).body("items", hasSize(3))
                .body("items[0].action", equalTo("user.unblocked"))
                .body("items[1].action", equalTo("user.blocked"))
                .body("items[1].actor", equalTo("admin-1"))
                .body("items[1].service", equalTo("portal-users-service"))
                .body("items[1].targetType", equalTo("portal-user"))
                .body("items[1].accountId", equalTo(accountId))
                .body("items[1].requestId", equalTo(requestId))
                .body("items[1].before.status", equalTo("active"))
                .body("items[1].after.status", equalTo("blocked"))
                // Only what changed: the e-mail address stayed.
                .body("items[1].before.email", nullValue())
                .body("items[2].action", equalTo("user.created"))
                .body("items[2].before", nullValue())
                .body("items[2].after.email", notNullValue());
    }

    @Test
    void pagesContinueBelowTheCursorAndFiltersNarrow() {
        String accountId = Fixtures.account("Paged");
        String userId = Fixtures.user(Fixtures.newSubject(), accountId, false);
        for (String name : new String[] { "One", "Two", "Three" }) {
            given().auth().oauth2(ADMIN).contentType("application/json").body(Map.of("displayName", name))
                    .patch("/api/users/" + userId).then().statusCode(200);
        }
        String next = entries("target=" + userId + "&action=user.changed&limit=2").body("items", hasSize(2))
                .body("items[0].after.displayName", equalTo("Three")).body("next", notNullValue())
                .extract().path("next");
        entries("target=" + userId + "&action=user.changed&limit=2&cursor=" + next).body("items", hasSize(1))
                .body("items[0].after.displayName", equalTo("One")).body("next", nullValue());
        entries("accountId=" + accountId + "&action=user.created").body("items", hasSize(1));
        entries("actor=nobody-" + UUID.randomUUID()).body("items", hasSize(0));
    }

    @Test
    void aRegistrationDecisionAndAnInvitationAreRecorded() {
        HttpStubServer.server().stubFor(post(urlEqualTo("/internal/seats")).willReturn(aResponse().withStatus(201)));
        String accountId = Fixtures.account("Decided");
        String subject = Fixtures.newSubject();
        String registration = given().auth().oauth2(Fixtures.tokenWithEmail(subject, subject + "@decided.test"))
                .contentType("application/json").body(Map.of("displayName", "Dee", "companyName", "Decided"))
                .post("/api/registrations").then().statusCode(201).extract().path("id");
        given().auth().oauth2(ADMIN).contentType("application/json").body(Map.of("accountId", accountId))
                .post("/api/registrations/" + registration + "/approve").then().statusCode(200);
        entries("target=" + registration).body("items[0].action", equalTo("registration.approved"))
                .body("items[0].after.status", equalTo("approved")).body("items[0].accountId", equalTo(accountId));

        String invitation = given().auth().oauth2(ADMIN).contentType("application/json")
                .body(Map.of("email", "invited-" + UUID.randomUUID() + "@decided.test", "displayName", "Ivy",
                        "accountId", accountId))
                .post("/api/invitations").then().statusCode(201).extract().path("id");
        entries("target=" + invitation).body("items[0].action", equalTo("invitation.created"))
                // The one-time code never reaches the trail.
                .body("items[0].after.code", nullValue());
    }

    @Test
    void entriesAreFinal() {
        String accountId = Fixtures.account("Final");
        assertThrows(RuntimeException.class, () -> QuarkusTransaction.requiringNew().run(() -> em
                .createNativeQuery("update audit_entries set actor = 'someone else' where target_id = :id")
                .setParameter("id", accountId).executeUpdate()));
        assertThrows(RuntimeException.class, () -> QuarkusTransaction.requiringNew().run(() -> em
                .createNativeQuery("delete from audit_entries where target_id = :id").setParameter("id", accountId)
                .executeUpdate()));
        entries("target=" + accountId).body("items[0].action", equalTo("account.created"));
    }

    @Test
    void onlyServicesReadTheInternalTrail() {
        given().auth().oauth2(ADMIN).get("/internal/audit").then().statusCode(403);
        given().get("/internal/audit").then().statusCode(401);
        given().auth().oauth2(SERVICE).get("/internal/audit?cursor=not-ours").then().statusCode(400)
                .body("errors[0].field", equalTo("cursor"));
    }
}
