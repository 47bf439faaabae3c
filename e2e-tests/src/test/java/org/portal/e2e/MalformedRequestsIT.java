package org.portal.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Malformed requests over every operation of the API document, as a portal user and as an
 * administrator, through the gateway and straight at the owning service: bad ids, characters
 * PostgreSQL cannot store, huge numbers, deep or broken JSON, wrong media types, overlong targets
 * and bodies. Each must be answered with a 4xx problem, quickly; none with a 5xx.
 */
class MalformedRequestsIT {

    /** Far beyond any input served, and each refused by a bound of its own, so the answer must be quick. */
    static final long SLOW_MS = 1000;

    record Variant(String name, String id, String query, String contentType, String body) {
    }

    static final String DEEP = "[".repeat(2000) + "]".repeat(2000);

    static final List<Variant> VARIANTS = List.of(
            new Variant("id not a uuid", "not-a-uuid", null, null, null),
            new Variant("NUL in the path", "%00", null, null, null),
            new Variant("NUL in a query value", null, "q=%00abc&amount=%00", null, null),
            new Variant("huge numbers in the query", null, "amount=1e50000000&limit=99999999999999999999&offset=-1", null,
                    null),
            new Variant("overlong target", null, "q=" + "x".repeat(5000), null, null),
            new Variant("NUL in a JSON string", null, null, "application/json",
                    "{\"values\":{\"subject\":\"a\\u0000b\"},\"name\":\"a\\u0000b\",\"email\":\"a\\u0000b@x.example\",\"body\":\"a\\u0000b\"}"),
            new Variant("huge number in the body", null, null, "application/json",
                    "{\"values\":{\"amount\":1e50000000},\"seats\":1e50000000,\"calls\":1e50000000}"),
            new Variant("deeply nested body", null, null, "application/json", "{\"values\":" + DEEP + "}"),
            new Variant("broken JSON", null, null, "application/json", "{\"values\":"),
            new Variant("wrong media type", null, null, "text/html", "<p>hello</p>"),
            new Variant("body over the limit", null, null, "application/json", "{\"x\":\"" + "y".repeat(1_100_000) + "\"}"));

    @Test
    void everyOperationRefusesMalformedInputWithAProblemAndNever5xx() throws IOException {
        long began = System.nanoTime();
        Map<String, String> callers = new LinkedHashMap<>();
        String admin = RunningSystem.token("admin");
        // A customer of their own, so that the sweep's counted calls use no one else's daily quota.
        callers.put("customer",
                RunningSystem.token(RunningSystem.linkedPortalUser(admin, RunningSystem.accountId(admin, "Acme"),
                        "sweeper", "customer").username()));
        callers.put("admin", admin);
        Map<String, String> owners = ApiOperations.owners();
        List<String> failures = new ArrayList<>();
        int requests = 0;
        for (ApiOperations.Operation operation : ApiOperations.all()) {
            List<String> entries = new ArrayList<>(List.of(RunningSystem.GATEWAY));
            if (owners.containsKey(operation.path())) {
                entries.add(owners.get(operation.path()));
            }
            for (Variant variant : VARIANTS) {
                boolean aboutBody = variant.contentType() != null;
                boolean aboutId = variant.id() != null;
                if (aboutBody != (operation.contentType() != null) && aboutBody
                        || aboutId && !operation.path().contains("{id}")) {
                    continue;
                }
                for (Map.Entry<String, String> caller : callers.entrySet()) {
                    for (String entry : entries) {
                        String path = operation.path().replace("{code}", "orders").replace("{edition}", "customer")
                                .replace("{id}", aboutId ? variant.id() : UUID.randomUUID().toString())
                                .replaceAll("\\{[A-Za-z]+}", UUID.randomUUID().toString());
                        if (variant.query() != null) {
                            path += "?" + variant.query();
                        }
                        RequestSpecification request = given().urlEncodingEnabled(false).redirects().follow(false)
                                .auth().oauth2(caller.getValue());
                        if (aboutBody) {
                            request = request.contentType(variant.contentType()).body(variant.body());
                        }
                        long sent = System.nanoTime();
                        Response response = request.request(operation.method(), entry + path);
                        long ms = (System.nanoTime() - sent) / 1_000_000;
                        requests++;
                        int status = response.statusCode();
                        String contentType = String.valueOf(response.contentType());
                        String where = operation.method() + " " + operation.path() + " (" + variant.name() + ", "
                                + caller.getKey()
                                + (entry.equals(RunningSystem.GATEWAY) ? ", gateway" : ", service") + "): ";
                        if (status >= 500) {
                            failures.add(where + status + " " + response.asString());
                        } else if (status >= 400 && !contentType.startsWith("application/problem+json")) {
                            failures.add(where + status + " without a problem body (" + contentType + ")");
                        } else if (ms > SLOW_MS) {
                            failures.add(where + status + " after " + ms + " ms");
                        }
                    }
                }
            }
        }
        String report = "malformed requests " + requests + ", failures " + failures.size() + ", "
                + (System.nanoTime() - began) / 1_000_000 + " ms\n" + String.join("\n", failures);
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/malformed-requests.txt"), report);
        System.out.println("Malformed requests: " + report.lines().findFirst().orElseThrow());
        assertTrue(failures.isEmpty(), report);
    }
}
