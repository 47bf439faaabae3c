package org.portal.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.restassured.path.json.JsonPath;

/**
 * The usage report as an administrator meets it: a new account's user makes calls through the gateway
 * and rates a resolved case, an administrator sets the day's count to the limit and the next call is
 * refused; the reports show the day's count, the refusal, the active user and the rating once the
 * gateway has copied its counters to licensing-service.
 */
class ReportsIT {

    @Test
    void anAccountsCallsRefusalsAndRatingsReachTheReports() {
        String admin = RunningSystem.token("admin");
        String account = given().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("name", "Reports " + UUID.randomUUID())).post(RunningSystem.GATEWAY + "/api/accounts").then()
                .statusCode(201).extract().path("id");
        RunningSystem.LinkedPerson person = RunningSystem.linkedPortalUser(admin, account, "reporter", "customer");
        String token = RunningSystem.token(person.username());
        for (int i = 0; i < 3; i++) {
            given().auth().oauth2(token).get(RunningSystem.GATEWAY + "/api/sections/knowledge-base/records").then()
                    .statusCode(200);
        }
        String caseId = given().auth().oauth2(token).contentType("application/json")
                .body(Map.of("values", Map.of("subject", "Report me")))
                .post(RunningSystem.GATEWAY + "/api/sections/cases/records").then().statusCode(201).extract().path("id");
        given().auth().oauth2(RunningSystem.token("agent")).contentType("application/json").body(Map.of("to", "resolved"))
                .post(RunningSystem.GATEWAY + "/api/sections/cases/records/" + caseId + "/transitions").then()
                .statusCode(200);
        given().auth().oauth2(token).contentType("application/json").body(Map.of("rating", 4))
                .post(RunningSystem.GATEWAY + "/api/sections/cases/records/" + caseId + "/feedback/rating").then()
                .statusCode(201);
        // The day's limit used up: the next call is refused, and counted as refused.
        given().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("calls", 1000, "reason", "reports end-to-end test"))
                .post(RunningSystem.GATEWAY + "/api/usage/users/" + person.userId() + "/adjustments").then().statusCode(200);
        given().auth().oauth2(token).get(RunningSystem.GATEWAY + "/api/sections/knowledge-base/records").then()
                .statusCode(429);

        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            JsonPath day = given().auth().oauth2(admin).queryParam("accountId", account)
                    .get(RunningSystem.GATEWAY + "/api/admin/reports/usage").then().statusCode(200).extract().jsonPath();
            assertTrue(day.getList("refused", Integer.class).contains(1), () -> "no refusal yet: " + day.prettify());
        });
        // The day's count is what the quota counted: the administrator set it to the limit.
        given().auth().oauth2(admin).queryParam("accountId", account).get(RunningSystem.GATEWAY + "/api/admin/reports/usage")
                .then().statusCode(200).body("period", contains(today.toString())).body("group", contains(account))
                .body("calls", contains(1000)).body("refused", contains(1)).body("activeUsers", contains(1));
        given().auth().oauth2(admin).queryParam("accountId", account).queryParam("period", "month")
                .get(RunningSystem.GATEWAY + "/api/admin/reports/usage").then().statusCode(200)
                .body("calls", contains(1000)).body("ratings", contains(1)).body("averageRating", contains(4.0f));
        given().auth().oauth2(admin).queryParam("accountId", account)
                .get(RunningSystem.GATEWAY + "/api/admin/reports/top-users")
                .then().statusCode(200).body("userId", contains(person.userId())).body("calls", contains(1000));
        given().auth().oauth2(admin).queryParam("by", "edition").get(RunningSystem.GATEWAY + "/api/admin/reports/seats")
                .then().statusCode(200).body("group", hasItem("customer"));

        String csv = given().auth().oauth2(admin).accept("text/csv").queryParam("accountId", account)
                .get(RunningSystem.GATEWAY + "/api/admin/reports/usage").then().statusCode(200)
                .contentType(startsWith("text/csv")).extract().asString();
        assertTrue(csv.equals("period,group,calls,refused,activeUsers,ratings,averageRating\r\n" + today + "," + account
                + ",1000,1,1,,\r\n"), csv);

        given().auth().oauth2(RunningSystem.token("customer-acme")).get(RunningSystem.GATEWAY + "/api/admin/reports/usage")
                .then().statusCode(403).body("status", equalTo(403));
        given().auth().oauth2(RunningSystem.token("agent")).get(RunningSystem.GATEWAY + "/api/admin/reports/seats").then()
                .statusCode(403);
    }
}
