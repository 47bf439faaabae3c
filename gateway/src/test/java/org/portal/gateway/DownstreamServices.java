package org.portal.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;
import java.util.UUID;

/**
 * The services behind the gateway, as an HTTP server whose answers each test sets: the gateway's own
 * behaviour is under test here; the end-to-end suite runs it against the real services.
 */
public class DownstreamServices implements QuarkusTestResourceLifecycleManager {

    static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        String url = server.baseUrl();
        return Map.of("portal.gateway.services.licensing", url, "portal.gateway.services.portal-users", url,
                "portal.gateway.services.sections", url);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    /** Registers a portal user: their subject look-up and their entitlement. Returns the user id. */
    static UUID portalUser(String subject, String status, String edition, int dailyLimit, String sectionsJson) {
        UUID userId = UUID.randomUUID();
        server.stubFor(get(urlEqualTo("/internal/subjects/" + subject)).willReturn(json(200, """
                {"userId":"%s","subject":"%s","accountId":"%s","status":"%s","accessScope":"account"}
                """.formatted(userId, subject, UUID.randomUUID(), status))));
        if (edition == null) {
            server.stubFor(get(urlEqualTo("/internal/users/" + userId + "/entitlement")).willReturn(json(404, """
                    {"type":"urn:portal:problem:no-entitlement","status":404}""")));
        } else {
            server.stubFor(get(urlEqualTo("/internal/users/" + userId + "/entitlement")).willReturn(json(200, """
                    {"userId":"%s","licenseId":"lic-1","edition":"%s","sections":%s,"dailyCallLimit":%d}
                    """.formatted(userId, edition, sectionsJson, dailyLimit))));
        }
        return userId;
    }

    static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }
}
