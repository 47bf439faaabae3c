package org.portal.sections;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;

import io.restassured.response.ValidatableResponse;
import java.util.Map;
import java.util.UUID;
import org.portal.testsupport.HttpStubServer;
import org.portal.testsupport.TestTokens;

/** Portal users as portal-users-service would describe them, and calls made as them. */
final class People {

    static final String AGENT = TestTokens.of("agent-1", "portal-agent");
    static final String ADMIN = TestTokens.of("admin-1", "portal-admin");

    record Person(String subject, UUID userId, UUID accountId, String token) {
    }

    private People() {
    }

    static Person portalUser(UUID accountId, String scope) {
        return portalUser(UUID.randomUUID(), accountId, scope, "active");
    }

    /** A portal user as portal-users-service answers for their subject and for their id. */
    static Person portalUser(UUID userId, UUID accountId, String scope, String status) {
        String subject = "user-" + UUID.randomUUID();
        String body = """
                {"userId":"%s","subject":"%s","accountId":"%s","status":"%s","accessScope":"%s"}
                """.formatted(userId, subject, accountId, status, scope);
        HttpStubServer.server().stubFor(get(urlEqualTo("/internal/subjects/" + subject)).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "application/json").withBody(body)));
        HttpStubServer.server().stubFor(get(urlEqualTo("/internal/users/" + userId)).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "application/json").withBody(body)));
        return new Person(subject, userId, accountId, TestTokens.of(subject, "portal-user"));
    }

    /** licensing-service's entitlement for the person: their edition and its grants, as JSON objects. */
    static void entitlement(Person person, String edition, String... grants) {
        HttpStubServer.server().stubFor(get(urlEqualTo("/internal/users/" + person.userId() + "/entitlement"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(
                        "{\"edition\":\"" + edition + "\",\"sections\":[" + String.join(",", grants) + "]}")));
    }

    static ValidatableResponse create(String token, String section, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType("application/json").body(body)
                .post("/api/sections/" + section + "/records").then();
    }

    static String created(String token, String section, Map<String, Object> values) {
        return create(token, section, Map.of("values", values)).statusCode(201).extract().path("id");
    }
}
