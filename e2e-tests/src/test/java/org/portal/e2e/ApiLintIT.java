package org.portal.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * The API document the gateway serves passes Spectral's OWASP API Security Top 10 rules, with the
 * repository's ruleset (src/test/api-lint/.spectral.yaml: every rule turned off says why, and every
 * input a caller sends must be bounded). Errors fail; the full report is in target/api-lint.txt.
 */
class ApiLintIT {

    @Test
    void theServedDocumentPassesTheOwaspApiSecurityRules() throws Exception {
        Path work = NodeTools.install("api-lint");
        String document = given().get(RunningSystem.GATEWAY + "/q/openapi").then().statusCode(200).extract().asString();
        Files.writeString(work.resolve("portal-api.json"), document);
        NodeTools.Result report = lint(work, "portal-api.json");
        Files.writeString(Path.of("target/api-lint.txt"), report.output());
        assertEquals(0, report.exitCode(), () -> "Spectral found errors in the served API document:\n" + report.output()
                .lines().filter(line -> line.matches(".*:\\d+:\\d+ error .*")).collect(Collectors.joining("\n")));
    }

    /** The ruleset's own function must catch what it is there for, or the test above proves nothing. */
    @Test
    void anUnboundedInputFailsTheLint() throws Exception {
        Path work = NodeTools.install("api-lint");
        Files.writeString(work.resolve("unbounded.json"), """
                {"openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": {"/api/things": {"get": {
                  "parameters": [{"name": "q", "in": "query", "schema": {"type": "string"}}],
                  "responses": {"200": {"description": "ok"}}}}}}
                """);
        NodeTools.Result report = lint(work, "unbounded.json");
        assertTrue(report.output().contains("error input-limits"), report.output());
    }

    private static NodeTools.Result lint(Path work, String document) throws Exception {
        return NodeTools.run(work, Map.of(), Duration.ofMinutes(3), "node_modules/.bin/spectral", "lint", "--ruleset",
                ".spectral.yaml", "--format", "text", "--fail-severity", "error", document);
    }
}
