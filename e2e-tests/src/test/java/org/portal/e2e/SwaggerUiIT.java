package org.portal.e2e;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Swagger UI in a real browser (Debian's Chromium, driven by playwright-core from npm: Swagger UI's
 * JavaScript is beyond HtmlUnit): Authorize signs in through Keycloak with the SPA client and PKCE,
 * and the next "Try it out" call succeeds.
 */
class SwaggerUiIT {

    private static final Path SOURCES = Path.of("src/test/browser");
    private static final Path WORK = Path.of("target/browser");

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
        installDriver();
        ProcessBuilder node = new ProcessBuilder("node", script).directory(WORK.toFile()).redirectErrorStream(true);
        node.environment().putAll(java.util.Map.of("GATEWAY", RunningSystem.GATEWAY, "CHROMIUM", chromium,
                "PORTAL_USERNAME", username, "PORTAL_PASSWORD", RunningSystem.PASSWORD));
        Process process = node.start();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("The browser script did not finish within 3 minutes");
        }
        List<String> lines = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        return lines.stream().filter(line -> line.startsWith("{")).reduce((first, second) -> second)
                .orElseThrow(() -> new AssertionError("The browser script printed no result:\n" + String.join("\n", lines)));
    }

    /** playwright-core from npm, at the version package-lock.json pins, once per build directory. */
    private static void installDriver() throws IOException, InterruptedException {
        Files.createDirectories(WORK);
        for (String file : List.of("package.json", "package-lock.json", "swagger-authorize.mjs")) {
            Files.copy(SOURCES.resolve(file), WORK.resolve(file), StandardCopyOption.REPLACE_EXISTING);
        }
        if (Files.isDirectory(WORK.resolve("node_modules/playwright-core"))) {
            return;
        }
        Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(WORK.toFile())
                .redirectErrorStream(true).start();
        String output = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) {
            throw new AssertionError("npm ci failed:\n" + output);
        }
    }
}
