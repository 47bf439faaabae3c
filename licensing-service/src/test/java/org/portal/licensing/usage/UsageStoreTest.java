package org.portal.licensing.usage;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.portal.testsupport.TestTokens;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class UsageStoreTest {

    private static final String GATEWAY = TestTokens.of("service-gateway", "portal-service");

    private static void flush(UUID user, LocalDate day, int calls) {
        given().auth().oauth2(GATEWAY).contentType("application/json")
                .body(List.of(Map.of("userId", user, "day", day.toString(), "calls", calls)))
                .put("/internal/usage").then().statusCode(204);
    }

    @Test
    void historyKeepsTheHighestCountSoARedisLossErasesNothing() {
        UUID user = UUID.randomUUID();
        LocalDate today = LocalDate.now();
        flush(user, today.minusDays(1), 700);
        flush(user, today, 40);
        flush(user, today, 3);
        given().auth().oauth2(GATEWAY).get("/internal/usage/users/" + user + "?from=" + today.minusDays(30) + "&to=" + today)
                .then().statusCode(200)
                .body("day", contains(today.minusDays(1).toString(), today.toString()))
                .body("calls", contains(700, 40));
    }

    @Test
    void anAdjustmentSetsTheCountAndIsAudited() {
        UUID user = UUID.randomUUID();
        LocalDate today = LocalDate.now();
        flush(user, today, 1000);
        given().auth().oauth2(GATEWAY).contentType("application/json")
                .body(Map.of("userId", user, "day", today.toString(), "calls", 0, "reason", "runaway script", "actor",
                        "admin-1"))
                .post("/internal/usage/adjustments").then().statusCode(200)
                .body("callsBefore", equalTo(1000)).body("callsAfter", equalTo(0));
        given().auth().oauth2(GATEWAY).get("/internal/usage/users/" + user + "/adjustments").then().statusCode(200)
                .body("actor", contains("admin-1")).body("reason", contains("runaway script"));
        given().auth().oauth2(GATEWAY).get("/internal/usage/users/" + user + "?from=" + today + "&to=" + today).then()
                .body("calls", contains(0));
    }

    @Test
    void usageIsForServiceIdentitiesOnly() {
        given().auth().oauth2(TestTokens.of("admin-1", "portal-admin")).get("/internal/usage/users/" + UUID.randomUUID()
                + "?from=2026-01-01&to=2026-01-31").then().statusCode(403);
    }
}
