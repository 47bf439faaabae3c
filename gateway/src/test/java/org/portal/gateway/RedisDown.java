package org.portal.gateway;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.portal.gateway.DownstreamServices.json;
import static org.portal.gateway.DownstreamServices.portalUser;
import static org.portal.gateway.DownstreamServices.server;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.portal.testsupport.HttpStubServer;
import org.portal.testsupport.TestTokens;

import io.quarkus.test.junit.QuarkusTestProfile;

/** A gateway whose Redis is at a port where nothing listens (fail-open, the default). */
public class RedisDown implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.redis.hosts", "redis://localhost:1", "portal.gateway.quota.redis-timeout", "PT0.2S");
    }

    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(io.quarkus.test.oidc.server.OidcWiremockTestResource.class),
                new TestResourceEntry(HttpStubServer.class, Map.of("urls",
                        "portal.gateway.services.licensing,portal.gateway.services.portal-users,portal.gateway.services.sections")));
    }

    /** The same, failing closed. */
    public static class FailClosed extends RedisDown {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> overrides = new HashMap<>(super.getConfigOverrides());
            overrides.put("portal.gateway.quota.fail-open", "false");
            return overrides;
        }
    }

    /** Five counted calls, each answered with the status the outage policy gives: enough to open the breaker. */
    public static void openTheBreaker(int status) {
        String token = portalUserCalling();
        for (int i = 0; i < 5; i++) {
            given().auth().oauth2(token).get("/api/sections/knowledge-base/records").then()
                    .statusCode(status);
        }
    }

    /** A portal user's token, with the services' answers for their call in place. */
    public static String portalUserCalling() {
        server().stubFor(get(urlEqualTo("/api/sections/knowledge-base/records")).willReturn(json(200, "{\"items\":[]}")));
        String subject = "user-" + UUID.randomUUID();
        portalUser(subject, "active", "customer", 1000, DownstreamServices.CUSTOMER_GRANTS);
        return TestTokens.of(subject, "portal-user");
    }
}
