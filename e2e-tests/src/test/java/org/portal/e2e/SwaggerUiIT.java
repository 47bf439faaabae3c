package org.portal.e2e;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;

/**
 * Swagger UI in a real browser (Debian's Chromium, driven by playwright-core from npm: Swagger UI's
 * JavaScript is beyond HtmlUnit): Authorize signs in through Keycloak with the SPA client and PKCE,
 * and the next "Try it out" call succeeds.
 */
class SwaggerUiIT {

    @Test
    void authorizeSignsInWithTheSpaClientAndPkceAndTryItOutSucceeds() throws Exception {
        JsonPath result = JsonPath.from(run("swagger-authorize.mjs", "customer-acme"));
        assertNull(result.get("error"), () -> "the browser stopped: " + result.prettify());
        assertEquals("portal-spa", result.getString("clientId"));
        assertEquals(RunningSystem.REALM + "/protocol/openid-connect/auth", result.getString("loginPage"));
        assertEquals("S256", result.getString("pkce"));
        assertTrue(result.getBoolean("signedIn"), "Swagger UI shows the scheme as authorized");
        assertEquals("200", result.getString("status"));
        assertThat(result.getString("body"), containsString("customer-acme@"));
    }

    /** Runs a browser script with the demo user's credentials; answers the JSON line it prints. */
    private static String run(String script, String username) throws IOException, InterruptedException {
        String chromium = System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium");
        if (!Files.isExecutable(Path.of(chromium))) {
            throw new AssertionError("No Chromium at " + chromium + ": deploy/local/test.sh installs Debian's chromium as"
                    + " root; elsewhere install it (sudo apt-get install chromium) or set CHROMIUM");
        }
        Path work = NodeTools.install("browser");
        return NodeTools.lastJsonLine(NodeTools.run(work, Map.of("GATEWAY", RunningSystem.GATEWAY, "CHROMIUM", chromium,
                "PORTAL_USERNAME", username, "PORTAL_PASSWORD", RunningSystem.PASSWORD), Duration.ofMinutes(3), "node",
                script));
    }
}
