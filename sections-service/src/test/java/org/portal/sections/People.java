package org.portal.sections;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.UUID;

import org.portal.testsupport.HttpStubServer;
import org.portal.testsupport.TestTokens;

import io.restassured.response.ValidatableResponse;

/** Portal users as portal-users-service would describe them, and calls made as them. */
public final class People {

    public static final String AGENT = TestTokens.of("agent-1", "portal-agent");
    public static final String ADMIN = TestTokens.of("admin-1", "portal-admin");

    public record Person(String subject, UUID userId, UUID accountId, String token) {
    }

    private People() {
    }

    public static Person portalUser(UUID accountId, String scope) {
        return portalUser(UUID.randomUUID(), accountId, scope, "active");
    }

    /** A portal user as portal-users-service answers for their subject and for their id. */
    public static Person portalUser(UUID userId, UUID accountId, String scope, String status) {
        return portalUser(userId, accountId, scope, status, false, null);
    }

    /** An active portal user whose preferences name a language (a BCP 47 tag). */
    public static Person speaking(String language) {
        return portalUser(UUID.randomUUID(), UUID.randomUUID(), "account", "active", false, language);
    }

    /** An active portal user whom a portal administrator made administrator of their account. */
    public static Person accountAdministrator(UUID accountId) {
        return portalUser(UUID.randomUUID(), accountId, "account", "active", true, null);
    }

    private static Person portalUser(UUID userId, UUID accountId, String scope, String status, boolean accountAdmin,
            String language) {
        String subject = "user-" + UUID.randomUUID();
        String body = """
                {"userId":"%s","subject":"%s","accountId":"%s","status":"%s","accessScope":"%s","accountAdmin":%s,
                 "language":%s}
                """.formatted(userId, subject, accountId, status, scope, accountAdmin,
                language == null ? "null" : "\"" + language + "\"");
        HttpStubServer.server().stubFor(get(urlEqualTo("/internal/subjects/" + subject)).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "application/json").withBody(body)));
        HttpStubServer.server().stubFor(get(urlEqualTo("/internal/users/" + userId)).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "application/json").withBody(body)));
        Person person = new Person(subject, userId, accountId, TestTokens.of(subject, "portal-user"));
        entitlement(person, "partner", EVERY_BASE_SECTION);
        return person;
    }

    /**
     * Every base section with every operation portal users can have: tests about records, not about
     * editions, start from it; a test about an edition's grants stubs that edition's instead.
     */
    public static final String[] EVERY_BASE_SECTION = java.util.stream.Stream.of("knowledge-base", "cases", "leads",
            "opportunities", "orders", "documents", "marketing-activities", "financial-product-requests", "contracts")
            .map(code -> grant(code, "read", "create", "edit")).toArray(String[]::new);

    /** One section's grant as licensing-service writes it. */
    public static String grant(String section, String... operations) {
        return "{\"code\":\"" + section + "\",\"operations\":[\"" + String.join("\",\"", operations) + "\"]}";
    }

    /** A portal user of the customer edition, with every base section (custom sections made for customers reach them). */
    public static Person customer(UUID accountId) {
        Person person = portalUser(accountId, "account");
        entitlement(person, "customer", EVERY_BASE_SECTION);
        return person;
    }

    /**
     * The catalogue as licensing-service serves it, except that the customer edition's limit is
     * raised: the tests share one database and several define customer sections, while the limit
     * itself is tested on the partner edition, which only DefinitionsTest uses.
     */
    public static void customSectionLimits() {
        HttpStubServer.server().stubFor(get(urlEqualTo("/api/licensing/catalogue")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"editions":[{"code":"self-service","customSectionLimit":0},
                                     {"code":"customer","customSectionLimit":100},
                                     {"code":"partner","customSectionLimit":3}]}""")));
    }

    /** licensing-service has no valid seat for the person. */
    public static void noSeat(Person person) {
        HttpStubServer.server().stubFor(get(urlEqualTo("/internal/users/" + person.userId() + "/entitlement"))
                .willReturn(aResponse().withStatus(404)));
    }

    /** licensing-service's entitlement for the person: their edition and its grants, as JSON objects. */
    public static void entitlement(Person person, String edition, String... grants) {
        HttpStubServer.server().stubFor(get(urlEqualTo("/internal/users/" + person.userId() + "/entitlement"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(
                        "{\"edition\":\"" + edition + "\",\"sections\":[" + String.join(",", grants) + "]}")));
    }

    public static ValidatableResponse create(String token, String section, Map<String, Object> body) {
        return given().auth().oauth2(token).contentType("application/json").body(body)
                .post("/api/sections/" + section + "/records").then();
    }

    public static String created(String token, String section, Map<String, Object> values) {
        return create(token, section, Map.of("values", values)).statusCode(201).extract().path("id");
    }
}
