package org.portal.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Every operation of the public API document × every kind of caller × both entries (through the
 * gateway, and straight to the service that owns the path, as an attacker inside the network would)
 * × own and another account's record, against the running system. The expected outcome of each
 * operation for each caller is data ({@code authorization-matrix.tsv}); an operation missing from it
 * fails the test, so a new endpoint cannot escape it. Inputs are placeholders (empty bodies, unknown
 * ids), so an admitted call is refused later as invalid or unknown and nothing changes.
 */
class AuthorizationMatrixIT {

    /** Past authorization: whatever the answer, it was not a refusal of the caller. */
    static final String OK = "ok";
    /** Another account's record: answered exactly as one that does not exist (a 404 for a read). */
    static final String HIDDEN = "hidden";
    static final List<String> CALLERS = List.of("anonymous", "forged", "self-service", "customer", "partner", "agent",
            "admin", "blocked", "no-seat", "service");
    /** Callers who own records, and whose account's records differ from the other account's. */
    static final Set<String> ACCOUNT_BOUND = Set.of("self-service", "customer", "partner");

    /** One call; for another account's record, also the answer for an id that does not exist. */
    record Cell(ApiOperations.Operation operation, String section, String caller, String entry, String target, String expected,
            int status, int unknownStatus) {
        String actual() {
            if (expected.equals(HIDDEN) && status == unknownStatus && status / 100 != 2) {
                return HIDDEN;
            }
            return status == 401 || status == 403 ? Integer.toString(status) : status >= 500 ? "5xx" : OK;
        }
    }

    static final Map<String, String> TOKENS = new LinkedHashMap<>();
    static final Map<String, String> ACCOUNT = new LinkedHashMap<>();
    static final Map<String, String> OWN_CASE = new LinkedHashMap<>();
    static final Map<String, String> ACCOUNT_CASE = new LinkedHashMap<>();
    static String admin;

    @BeforeAll
    static void callers() {
        admin = RunningSystem.token("admin");
        TOKENS.put("anonymous", null);
        TOKENS.put("self-service", RunningSystem.token("ssp-acme"));
        TOKENS.put("customer", RunningSystem.token("customer-acme"));
        TOKENS.put("partner", RunningSystem.token("partner-globex"));
        TOKENS.put("agent", RunningSystem.token("agent"));
        TOKENS.put("admin", admin);
        TOKENS.put("forged", forged(TOKENS.get("customer")));
        TOKENS.put("service", given().formParam("grant_type", "client_credentials").formParam("client_id", "portal-gateway")
                .formParam("client_secret", "gateway-dev-secret").post(RunningSystem.REALM + "/protocol/openid-connect/token")
                .then().statusCode(200).extract().path("access_token"));
        String acme = RunningSystem.accountId(admin, "Acme");
        String globex = RunningSystem.accountId(admin, "Globex");
        ACCOUNT.put("self-service", acme);
        ACCOUNT.put("customer", acme);
        ACCOUNT.put("partner", globex);
        TOKENS.put("no-seat", person(acme, false));
        TOKENS.put("blocked", person(acme, true));
        for (String caller : ACCOUNT_BOUND) {
            OWN_CASE.put(caller, given().auth().oauth2(TOKENS.get(caller)).contentType("application/json")
                    .body(Map.of("values", Map.of("subject", "Matrix case of " + caller)))
                    .post(RunningSystem.GATEWAY + "/api/sections/cases/records").then().statusCode(201).extract().path("id"));
        }
        ACCOUNT_CASE.put(acme, OWN_CASE.get("customer"));
        ACCOUNT_CASE.put(globex, OWN_CASE.get("partner"));
    }

    /** A real token with its claims changed to a portal administrator's: the signature no longer matches. */
    private static String forged(String token) {
        String[] parts = token.split("\\.");
        String claims = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"portal-user\"", "\"portal-admin\"");
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(claims.getBytes(StandardCharsets.UTF_8))
                + "." + parts[2];
    }

    /** A blocked person keeps the token they got before the block (valid until it expires). */
    private static String person(String account, boolean blocked) {
        RunningSystem.LinkedPerson person = RunningSystem.linkedPortalUser(admin, account, blocked ? "blocked" : "seatless",
                blocked ? "customer" : null);
        String token = RunningSystem.token(person.username());
        if (blocked) {
            given().auth().oauth2(admin).post(RunningSystem.GATEWAY + "/api/users/" + person.userId() + "/block").then()
                    .statusCode(200);
        }
        return token;
    }

    @Test
    void everyOperationAnswersEveryCallerAsTheMatrixSays() throws IOException {
        long began = System.nanoTime();
        Map<String, Map<String, String>> expected = expectations();
        Map<String, String> owners = ApiOperations.owners();
        List<ApiOperations.Operation> operations = ApiOperations.all();
        List<String> unlisted = new ArrayList<>();
        List<Cell> cells = new ArrayList<>();
        for (ApiOperations.Operation operation : operations) {
            List<String> sections = operation.path().contains("{code}") ? List.of("cases", "leads") : List.of("-");
            for (String section : sections) {
                Map<String, String> row = expected.get(operation.id() + " " + section);
                if (row == null) {
                    unlisted.add(operation.id() + " " + section);
                    row = new LinkedHashMap<>();
                    for (String caller : CALLERS) {
                        row.put(caller, "?");
                    }
                }
                for (String caller : CALLERS) {
                    List<String> entries = new ArrayList<>(List.of(RunningSystem.GATEWAY));
                    if (owners.containsKey(operation.path())) {
                        entries.add(owners.get(operation.path()));
                    }
                    for (String entry : entries) {
                        boolean targeted = operation.onCaseRecord() && section.matches("cases|-");
                        for (String target : targeted ? List.of("own", "other") : List.of("-")) {
                            String expectation = row.get(caller);
                            if (target.equals("other") && ACCOUNT_BOUND.contains(caller) && expectation.equals(OK)) {
                                expectation = HIDDEN;
                            }
                            int status = call(operation, section, caller, entry, target);
                            int unknown = expectation.equals(HIDDEN) ? call(operation, section, caller, entry, "-") : -1;
                            cells.add(new Cell(operation, section, caller, entry.equals(RunningSystem.GATEWAY) ? "gateway"
                                    : "service", target, expectation, status, unknown));
                        }
                    }
                }
            }
        }
        List<Cell> mismatches = cells.stream().filter(cell -> !cell.actual().equals(cell.expected())).toList();
        long unexpected2xx = mismatches.stream().filter(cell -> cell.status() / 100 == 2).count();
        StringBuilder report = new StringBuilder("cells " + cells.size() + ", operations " + operations.size()
                + ", mismatches " + mismatches.size() + ", unexpected 2xx " + unexpected2xx + ", "
                + (System.nanoTime() - began) / 1_000_000 + " ms\n");
        mismatches.forEach(cell -> report.append(cell.operation().method()).append(' ').append(cell.operation().path())
                .append(" [").append(cell.section()).append("] ").append(cell.caller()).append(" via ").append(cell.entry())
                .append(" target ").append(cell.target()).append(": expected ").append(cell.expected()).append(", got ")
                .append(cell.status()).append('\n'));
        Files.createDirectories(Path.of("target"));
        Files.writeString(Path.of("target/authorization-matrix.txt"), report);
        Files.writeString(Path.of("target/authorization-matrix-observed.tsv"), observed(cells));
        System.out.println("Authorization matrix: " + report.toString().lines().findFirst().orElseThrow());
        assertEquals(List.of(), unlisted, "operations without a row in authorization-matrix.tsv");
        assertTrue(mismatches.isEmpty(), report.toString());
    }

    /** What the gateway answered each caller (own record), in the data file's form: a start for a new row. */
    private static String observed(List<Cell> cells) {
        Map<String, Map<String, String>> rows = new LinkedHashMap<>();
        cells.stream().filter(cell -> cell.entry().equals("gateway") && !cell.target().equals("other"))
                .forEach(cell -> rows
                        .computeIfAbsent(cell.operation().id() + "\t" + cell.section(), key -> new LinkedHashMap<>())
                        .put(cell.caller(), cell.actual()));
        StringBuilder text = new StringBuilder();
        rows.forEach((key, row) -> text.append(key).append('\t').append(String.join("\t", row.values())).append('\n'));
        return text.toString();
    }

    private static int call(ApiOperations.Operation operation, String section, String caller, String entry, String target) {
        String path = operation.path().replace("{code}", section).replace("{edition}", "customer");
        if (!target.equals("-")) {
            String account = ACCOUNT.getOrDefault(caller, ACCOUNT.get("customer"));
            String other = ACCOUNT_CASE.keySet().stream().filter(id -> !id.equals(account)).findFirst().orElseThrow();
            String id = target.equals("other") ? ACCOUNT_CASE.get(other)
                    : OWN_CASE.getOrDefault(caller, ACCOUNT_CASE.get(account));
            path = path.replace("{id}", id);
        }
        path = path.replaceAll("\\{[A-Za-z]+}", UUID.randomUUID().toString());
        RequestSpecification request = given().redirects().follow(false);
        String token = TOKENS.get(caller);
        if (token != null) {
            request = request.auth().oauth2(token);
        }
        if (operation.id().equals("searchArticles")) {
            request = request.queryParam("q", "printer");
        }
        if (operation.contentType() != null && operation.contentType().startsWith("multipart/")) {
            request = request.multiPart("file", "x.txt", "x\n".getBytes(StandardCharsets.UTF_8), "text/plain");
        } else if (operation.contentType() != null) {
            request = request.contentType(operation.contentType()).body(operation.contentType().contains("json") ? "{}" : "x");
        }
        Response response = request.request(operation.method(), entry + path);
        return response.statusCode();
    }

    /** operationId and section → caller → expected outcome, from the data file. */
    private static Map<String, Map<String, String>> expectations() throws IOException {
        Map<String, Map<String, String>> rows = new LinkedHashMap<>();
        try (InputStream in = AuthorizationMatrixIT.class.getResourceAsStream("/authorization-matrix.tsv")) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#")).toList();
            for (String line : lines) {
                String[] columns = line.trim().split("\\s+");
                assertEquals(2 + CALLERS.size(), columns.length, "columns of: " + line);
                Map<String, String> row = new LinkedHashMap<>();
                for (int i = 0; i < CALLERS.size(); i++) {
                    row.put(CALLERS.get(i), columns[2 + i]);
                }
                rows.put(columns[0] + " " + columns[1], row);
            }
        }
        return rows;
    }
}
