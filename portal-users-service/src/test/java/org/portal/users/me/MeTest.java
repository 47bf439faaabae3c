package org.portal.users.me;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.portal.events.ChangeEventPublisher;
import org.portal.testsupport.ChannelListener;
import org.portal.testsupport.HttpStubServer;
import org.portal.testsupport.TestTokens;
import org.portal.users.Fixtures;

import com.github.tomakehurst.wiremock.stubbing.StubMapping;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class MeTest {

    private static final String SERVICE = TestTokens.of("service-gateway", "portal-service");

    @Inject
    RedisDataSource redis;

    @ConfigProperty(name = "portal.redis-namespace")
    String namespace;

    private static void entitlement(String userId, int status, String body) {
        HttpStubServer.server().stubFor(get(urlEqualTo("/internal/users/" + userId + "/entitlement"))
                .willReturn(aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body)));
    }

    @Test
    void meGivesProfileAccountEditionAndSectionsInOneCall() {
        String subject = Fixtures.newSubject();
        String account = Fixtures.account("Acme");
        String userId = Fixtures.user(subject, account, false);
        entitlement(userId, 200, """
                {"licenseId":"l1","edition":"customer","mainProduct":"sales","dailyCallLimit":1000,
                 "sections":[{"code":"knowledge-base","operations":["read"]}]}""");
        given().auth().oauth2(Fixtures.token(subject)).get("/api/me").then().statusCode(200)
                .body("id", equalTo(userId))
                .body("account.id", equalTo(account))
                .body("status", equalTo("active"))
                .body("edition", equalTo("customer"))
                .body("sections.code", contains("knowledge-base"))
                .body("dailyCallLimit", equalTo(1000));
    }

    @Test
    void withoutASeatMeHasNoEditionAndNoSections() {
        String subject = Fixtures.newSubject();
        String userId = Fixtures.user(subject, Fixtures.account("Acme"), false);
        entitlement(userId, 404, "{}");
        given().auth().oauth2(Fixtures.token(subject)).get("/api/me").then().statusCode(200)
                .body("edition", nullValue()).body("sections", empty());
    }

    @Test
    void whenLicensingFailsMeIsA503() {
        String subject = Fixtures.newSubject();
        String userId = Fixtures.user(subject, Fixtures.account("Acme"), false);
        entitlement(userId, 500, "{}");
        given().auth().oauth2(Fixtures.token(subject)).get("/api/me").then().statusCode(503)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:portal:problem:licensing-unavailable"));
    }

    @Test
    void aBlockedUserIsRefusedMeAndPreferencesAtOnce() {
        String subject = Fixtures.newSubject();
        String userId = Fixtures.user(subject, Fixtures.account("Acme"), false);
        entitlement(userId, 404, "");
        given().auth().oauth2(Fixtures.ADMIN).post("/api/users/" + userId + "/block").then().statusCode(200);
        String token = Fixtures.token(subject);
        given().auth().oauth2(token).get("/api/me").then().statusCode(403)
                .body("type", equalTo("urn:portal:problem:user-not-active"));
        given().auth().oauth2(token).get("/api/me/preferences").then().statusCode(403)
                .body("type", equalTo("urn:portal:problem:user-not-active"));
        given().auth().oauth2(token).contentType("application/json").body(Map.of()).put("/api/me/preferences").then()
                .statusCode(403);
        given().auth().oauth2(Fixtures.ADMIN).post("/api/users/" + userId + "/unblock").then().statusCode(200);
        given().auth().oauth2(token).get("/api/me").then().statusCode(200).body("status", equalTo("active"));
    }

    @Test
    void aPendingRegistrantSeesTheirStatusButHasNoPreferences() {
        String subject = Fixtures.newSubject();
        String token = Fixtures.tokenWithEmail(subject, subject + "@new.test");
        given().auth().oauth2(token).contentType("application/json")
                .body(Map.of("displayName", "Nora New", "companyName", "Nobody knows us"))
                .post("/api/registrations").then().statusCode(201);
        given().auth().oauth2(token).get("/api/me").then().statusCode(200).body("status", equalTo("pending"));
        given().auth().oauth2(token).get("/api/me/preferences").then().statusCode(403)
                .body("type", equalTo("urn:portal:problem:user-not-active"));
    }

    @Test
    void aStrangerHasNoMe() {
        given().auth().oauth2(Fixtures.token(Fixtures.newSubject())).get("/api/me").then().statusCode(404);
    }

    @Test
    void preferencesAreKeptAsGiven() {
        String subject = Fixtures.newSubject();
        Fixtures.user(subject, Fixtures.account("Acme"), false);
        Fixtures.sectionColumns();
        Map<String, Object> preferences = Map.of("language", "de-CH", "pageSize", 25, "startPage", "cases",
                "listColumns", Map.of("cases", List.of("subject", "status", "priority")));
        given().auth().oauth2(Fixtures.token(subject)).contentType("application/json").body(preferences)
                .put("/api/me/preferences").then().statusCode(200);
        given().auth().oauth2(Fixtures.token(subject)).get("/api/me/preferences").then().statusCode(200)
                .body("language", equalTo("de-CH"))
                .body("pageSize", equalTo(25))
                .body("listColumns.cases", contains("subject", "status", "priority"));
    }

    @Test
    void listColumnsMustBeColumnsOfTheirSection() {
        String subject = Fixtures.newSubject();
        Fixtures.user(subject, Fixtures.account("Acme"), false);
        Fixtures.sectionColumns();
        String token = Fixtures.token(subject);
        given().auth().oauth2(token).contentType("application/json")
                .body(Map.of("listColumns", Map.of("cases", List.of("subject", "salary"), "payroll", List.of("name"))))
                .put("/api/me/preferences").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", contains("listColumns.cases", "listColumns.payroll"))
                .body("errors.message", contains("salary is not a column of cases", "payroll is no section"));
        given().auth().oauth2(token).get("/api/me/preferences").then().body("listColumns", nullValue());
        given().auth().oauth2(token).contentType("application/json")
                .body(Map.of("listColumns", Map.of("knowledge-base", List.of("title", "updatedAt"))))
                .put("/api/me/preferences").then().statusCode(200);
    }

    @Test
    void whenSectionsServiceCannotSayListColumnsAreA503AndNothingChanges() {
        String subject = Fixtures.newSubject();
        Fixtures.user(subject, Fixtures.account("Acme"), false);
        StubMapping down = HttpStubServer.server().stubFor(get(urlEqualTo("/internal/sections/columns")).atPriority(1)
                .willReturn(aResponse().withStatus(500)));
        try {
            given().auth().oauth2(Fixtures.token(subject)).contentType("application/json")
                    .body(Map.of("language", "it", "listColumns", Map.of("cases", List.of("subject"))))
                    .put("/api/me/preferences").then().statusCode(503).contentType("application/problem+json");
        } finally {
            HttpStubServer.server().removeStub(down);
        }
        given().auth().oauth2(Fixtures.token(subject)).get("/api/me/preferences").then().body("language", nullValue());
    }

    /** The language reaches the services that cache the user (sections-service searches in it). */
    @Test
    void aChangedLanguageIsAnnouncedAndServicesSeeIt() throws Exception {
        String subject = Fixtures.newSubject();
        String userId = Fixtures.user(subject, Fixtures.account("Acme"), false);
        try (ChannelListener changes = ChannelListener.listen(redis, ChangeEventPublisher.channel(namespace))) {
            given().auth().oauth2(Fixtures.token(subject)).contentType("application/json").body(Map.of("language", "fr"))
                    .put("/api/me/preferences").then().statusCode(200);
            String message = changes.await(m -> m.contains(userId), 5000);
            assertNotNull(message, "no user-changed event");
            assertTrue(message.contains("user-changed"), message);
        }
        given().auth().oauth2(SERVICE).get("/internal/subjects/" + subject).then().statusCode(200)
                .body("language", equalTo("fr"));
        try (ChannelListener changes = ChannelListener.listen(redis, ChangeEventPublisher.channel(namespace))) {
            given().auth().oauth2(Fixtures.token(subject)).contentType("application/json")
                    .body(Map.of("language", "fr", "pageSize", 50)).put("/api/me/preferences").then().statusCode(200);
            assertNull(changes.await(m -> m.contains(userId), 500), "an unchanged language announced");
        }
    }

    @Test
    void unknownPreferenceKeysAreRefusedAndNothingIsStored() {
        String subject = Fixtures.newSubject();
        Fixtures.user(subject, Fixtures.account("Acme"), false);
        given().auth().oauth2(Fixtures.token(subject)).contentType("application/json")
                .body(Map.of("language", "fr", "favouriteColour", "blue"))
                .put("/api/me/preferences").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(Fixtures.token(subject)).get("/api/me/preferences").then().body("language", nullValue());
    }

    @Test
    void outOfBoundsPreferencesAreRefused() {
        String subject = Fixtures.newSubject();
        Fixtures.user(subject, Fixtures.account("Acme"), false);
        given().auth().oauth2(Fixtures.token(subject)).contentType("application/json")
                .body(Map.of("pageSize", 1000, "language", "not a language tag"))
                .put("/api/me/preferences").then().statusCode(400)
                .body("errors.field", contains("language", "pageSize"));
    }
}
