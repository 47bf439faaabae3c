package org.portal.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The daily quota through the whole system: counted in Redis, read and corrected by an administrator. */
class UsageIT {

    @Test
    void anAdministratorSeesTodaysCallsAndCanResetThem() {
        String token = RunningSystem.token("customer-globex");
        given().auth().oauth2(token).get(RunningSystem.GATEWAY + "/api/sections/knowledge-base/records").then().statusCode(200);
        String userId = given().auth().oauth2(token).get(RunningSystem.GATEWAY + "/api/me").then().extract().path("id");
        String admin = RunningSystem.token("admin");
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        given().auth().oauth2(admin).get(RunningSystem.GATEWAY + "/api/usage/users/" + userId).then().statusCode(200)
                .body("day", hasItem(today))
                .body("find { it.day == '" + today + "' }.calls", greaterThanOrEqualTo(1));
        given().auth().oauth2(admin).contentType("application/json").body(Map.of("calls", 0, "reason", "end-to-end test"))
                .post(RunningSystem.GATEWAY + "/api/usage/users/" + userId + "/adjustments").then().statusCode(200);
        given().auth().oauth2(token).get(RunningSystem.GATEWAY + "/api/me/quota").then().statusCode(200)
                .body("used", org.hamcrest.Matchers.equalTo(0));
        given().auth().oauth2(admin).get(RunningSystem.GATEWAY + "/api/usage/users/" + userId + "/adjustments").then()
                .statusCode(200).body("reason", hasItem("end-to-end test"));
    }
}
