package org.portal.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import java.util.UUID;

import org.portal.testsupport.HttpStubServer;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

/** Answers of the services behind the gateway, set per test on the shared {@link HttpStubServer}. */
public final class DownstreamServices {

    /** A customer-edition grant: the knowledge base to read, cases to read, create and edit. */
    public static final String CUSTOMER_GRANTS = """
            [{"code":"knowledge-base","operations":["read"]},
             {"code":"cases","operations":["read","create","edit"]}]""";

    private DownstreamServices() {
    }

    public static WireMockServer server() {
        return HttpStubServer.server();
    }

    /**
     * sections-service's custom sections, the same for every test class: the gateway holds the list
     * for a minute, so whichever class asks first decides what all the others see.
     */
    public static void customSections() {
        server().stubFor(get(urlEqualTo("/internal/sections"))
                .willReturn(json(200, "[{\"code\":\"warranty-claims\",\"editions\":[\"customer\"]}]")));
    }

    /** Registers a portal user: their subject look-up and their entitlement. Returns the user id. */
    public static UUID portalUser(String subject, String status, String edition, int dailyLimit, String sectionsJson) {
        UUID userId = UUID.randomUUID();
        server().stubFor(get(urlEqualTo("/internal/subjects/" + subject)).willReturn(json(200, """
                {"userId":"%s","subject":"%s","accountId":"%s","status":"%s","accessScope":"account"}
                """.formatted(userId, subject, UUID.randomUUID(), status))));
        if (edition == null) {
            server().stubFor(get(urlEqualTo("/internal/users/" + userId + "/entitlement")).willReturn(json(404, """
                    {"type":"urn:portal:problem:no-entitlement","status":404}""")));
        } else {
            server().stubFor(get(urlEqualTo("/internal/users/" + userId + "/entitlement")).willReturn(json(200, """
                    {"userId":"%s","licenseId":"lic-1","edition":"%s","sections":%s,"dailyCallLimit":%d}
                    """.formatted(userId, edition, sectionsJson, dailyLimit))));
        }
        // No calls copied to the durable store yet today: the counter starts from zero.
        server().stubFor(get(urlPathEqualTo("/internal/usage/users/" + userId)).willReturn(json(200, "[]")));
        return userId;
    }

    public static ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }
}
