package org.portal.users.users;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.portal.users.Fixtures.ADMIN;

import java.util.Map;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.portal.events.ChangeEventPublisher;
import org.portal.testsupport.ChannelListener;
import org.portal.testsupport.HttpStubServer;
import org.portal.testsupport.TestTokens;
import org.portal.users.Fixtures;
import org.portal.users.RecordingIdentityProvider;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class UserLifecycleTest {

    private static final String SERVICE = TestTokens.of("service-gateway", "portal-service");

    @Inject
    RecordingIdentityProvider identityProvider;

    @Inject
    RedisDataSource redis;

    @ConfigProperty(name = "portal.redis-namespace")
    String namespace;

    @AfterEach
    void providerUp() {
        identityProvider.down(false);
    }

    private static String register(String subject, String company) {
        return given().auth().oauth2(Fixtures.tokenWithEmail(subject, subject + "@newco.test")).contentType("application/json")
                .body(Map.of("displayName", "New Person", "companyName", company, "message", "Please let me in"))
                .post("/api/registrations").then().statusCode(201)
                .body("status", equalTo("pending")).extract().path("id");
    }

    private static String status(String subject) {
        return given().auth().oauth2(SERVICE).get("/internal/subjects/" + subject).then().statusCode(200)
                .extract().path("status");
    }

    @Test
    void registeredPeopleArePendingUntilApprovedAndThenActiveWithASeat() {
        HttpStubServer.server().stubFor(post(urlEqualTo("/internal/seats")).willReturn(aResponse().withStatus(201)));
        String accountId = Fixtures.account("Acme");
        String subject = Fixtures.newSubject();
        String registration = register(subject, "Some company");
        assertTrue(status(subject).equals("pending"));

        given().auth().oauth2(ADMIN).contentType("application/json")
                .body(Map.of("accountId", accountId, "edition", "customer"))
                .post("/api/registrations/" + registration + "/approve").then().statusCode(200)
                .body("status", equalTo("approved"))
                .body("decidedBy", equalTo("admin-1"));
        given().auth().oauth2(SERVICE).get("/internal/subjects/" + subject).then()
                .body("status", equalTo("active")).body("accountId", equalTo(accountId));
        HttpStubServer.server().verify(postRequestedFor(urlEqualTo("/internal/seats"))
                .withRequestBody(containing("\"edition\":\"customer\"")));
    }

    @Test
    void aRegistrationIsDecidedOnce() {
        String registration = register(Fixtures.newSubject(), "Some company");
        given().auth().oauth2(ADMIN).contentType("application/json").body(Map.of("note", "unknown company"))
                .post("/api/registrations/" + registration + "/reject").then().statusCode(200)
                .body("status", equalTo("rejected"));
        given().auth().oauth2(ADMIN).contentType("application/json").body(Map.of("accountId", Fixtures.account("Acme")))
                .post("/api/registrations/" + registration + "/approve").then().statusCode(409)
                .contentType("application/problem+json");
    }

    @Test
    void aRejectedPersonIsNoPortalUserAndMayRegisterAgain() {
        String subject = Fixtures.newSubject();
        String registration = register(subject, "Some company");
        given().auth().oauth2(ADMIN).contentType("application/json").body(Map.of())
                .post("/api/registrations/" + registration + "/reject").then().statusCode(200);
        given().auth().oauth2(SERVICE).get("/internal/subjects/" + subject).then().statusCode(404);
        register(subject, "Some company");
    }

    @Test
    void aPortalUserCannotRegisterAgain() {
        String subject = Fixtures.newSubject();
        Fixtures.user(subject, Fixtures.account("Acme"), false);
        given().auth().oauth2(Fixtures.tokenWithEmail(subject, subject + "@example.test")).contentType("application/json")
                .body(Map.of("displayName", "Me", "companyName", "Acme"))
                .post("/api/registrations").then().statusCode(409);
    }

    @Test
    void approvalNeedsAnAccountWhenTheCompanyMatchedNone() {
        String registration = register(Fixtures.newSubject(), "Nobody knows us");
        given().auth().oauth2(ADMIN).contentType("application/json").body(Map.of())
                .post("/api/registrations/" + registration + "/approve").then().statusCode(422);
    }

    @Test
    void aRefusedSeatLeavesTheRegistrationPending() {
        HttpStubServer.server().stubFor(post(urlEqualTo("/internal/seats")).willReturn(aResponse().withStatus(409)
                .withHeader("Content-Type", "application/problem+json").withBody("{\"detail\":\"no free seat\"}")));
        String subject = Fixtures.newSubject();
        String registration = register(subject, "Some company");
        given().auth().oauth2(ADMIN).contentType("application/json")
                .body(Map.of("accountId", Fixtures.account("Acme"), "edition", "partner"))
                .post("/api/registrations/" + registration + "/approve").then().statusCode(409);
        assertTrue(status(subject).equals("pending"));
    }

    @Test
    void blockingDisablesThePersonAtTheProviderAndUnblockingEnablesThem() {
        String subject = Fixtures.newSubject();
        String userId = Fixtures.user(subject, Fixtures.account("Acme"), false);
        given().auth().oauth2(ADMIN).post("/api/users/" + userId + "/block").then().statusCode(200)
                .body("status", equalTo("blocked"));
        assertTrue(identityProvider.calls().contains("disable " + subject));
        assertTrue(status(subject).equals("blocked"));
        given().auth().oauth2(ADMIN).post("/api/users/" + userId + "/unblock").then().statusCode(200)
                .body("status", equalTo("active"));
        assertTrue(identityProvider.calls().contains("enable " + subject));
    }

    @Test
    void whenTheProviderIsDownBlockingChangesNothing() {
        String subject = Fixtures.newSubject();
        String userId = Fixtures.user(subject, Fixtures.account("Acme"), false);
        identityProvider.down(true);
        given().auth().oauth2(ADMIN).post("/api/users/" + userId + "/block").then().statusCode(503)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:portal:problem:identity-provider-unavailable"));
        assertTrue(status(subject).equals("active"));
    }

    @Test
    void blockingPublishesUserChanged() throws Exception {
        String subject = Fixtures.newSubject();
        String userId = Fixtures.user(subject, Fixtures.account("Acme"), false);
        try (ChannelListener changes = ChannelListener.listen(redis, ChangeEventPublisher.channel(namespace))) {
            given().auth().oauth2(ADMIN).post("/api/users/" + userId + "/block").then().statusCode(200);
            String message = changes.await(m -> m.contains(userId), 5000);
            assertNotNull(message, "no user-changed event");
            assertTrue(message.contains("user-changed") && message.contains(subject), message);
        }
    }

    @Test
    void adminsChangeScopeAndAccount() {
        String userId = Fixtures.user(Fixtures.newSubject(), Fixtures.account("Acme"), false);
        String globex = Fixtures.account("Globex");
        given().auth().oauth2(ADMIN).contentType("application/json").body(Map.of("accessScope", "own", "accountId", globex))
                .patch("/api/users/" + userId).then().statusCode(200)
                .body("accessScope", equalTo("own")).body("accountId", equalTo(globex));
    }

    @Test
    void usersAreSearchedByAccountStatusAndEmail() {
        String acme = Fixtures.account("Acme");
        String subject = Fixtures.newSubject();
        String userId = Fixtures.user(subject, acme, false);
        given().auth().oauth2(ADMIN).get("/api/users?accountId=" + acme + "&status=active").then().statusCode(200)
                .body("items.id", hasItem(userId)).body("total", equalTo(1));
        given().auth().oauth2(ADMIN).get("/api/users?email=" + subject.toUpperCase() + "@EXAMPLE.TEST").then()
                .body("items[0].id", equalTo(userId));
    }

    @Test
    void anUnknownStatusIsABadRequest() {
        given().auth().oauth2(ADMIN).contentType("application/json").body(Map.of("status", "sleeping"))
                .patch("/api/users/" + Fixtures.user(Fixtures.newSubject(), Fixtures.account("Acme"), false))
                .then().statusCode(400).contentType("application/problem+json");
    }
}
