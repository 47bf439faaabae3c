package org.portal.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Records through the whole system: the gateway's grants, then sections-service's account isolation. */
class RecordsIT {

    @Test
    void aCustomerSeesTheirAccountsCasesAndNeverAnotherAccounts() {
        String acme = RunningSystem.token("customer-acme");
        String globex = RunningSystem.token("customer-globex");
        List<String> acmeCases = given().auth().oauth2(acme).get(RunningSystem.GATEWAY + "/api/sections/cases/records")
                .then().statusCode(200).extract().path("items.id");
        String acmeAccount = given().auth().oauth2(acme).get(RunningSystem.GATEWAY + "/api/me").then().extract()
                .path("account.id");
        given().auth().oauth2(acme).get(RunningSystem.GATEWAY + "/api/sections/cases/records").then()
                .body("items.accountId", everyItem(equalTo(acmeAccount)));
        given().auth().oauth2(globex).get(RunningSystem.GATEWAY + "/api/sections/cases/records/" + acmeCases.get(0))
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(globex).get(RunningSystem.GATEWAY + "/api/sections/cases/records").then()
                .body("items.id", not(hasItem(acmeCases.get(0))));
    }

    @Test
    void aPartnerCreatesAnOrderAndEditsItWithItsEtag() {
        String partner = RunningSystem.token("partner-globex");
        var created = given().auth().oauth2(partner).contentType("application/json")
                .body(Map.of("values", Map.of("number", "PO-E2E", "amount", 12.5, "currency", "EUR")))
                .post(RunningSystem.GATEWAY + "/api/sections/orders/records").then().statusCode(201).extract();
        given().auth().oauth2(partner).contentType("application/json").header("If-Match", created.header("ETag"))
                .body(Map.of("values", Map.of("amount", 13)))
                .patch(RunningSystem.GATEWAY + "/api/sections/orders/records/" + created.path("id")).then().statusCode(200)
                .body("values.amount", equalTo(13.0f));
    }

    @Test
    void aCustomerCannotCreateOrders() {
        given().auth().oauth2(RunningSystem.token("customer-acme")).contentType("application/json")
                .body(Map.of("values", Map.of("number", "PO-X", "amount", 1, "currency", "EUR")))
                .post(RunningSystem.GATEWAY + "/api/sections/orders/records").then().statusCode(403)
                .body("section", equalTo("orders"));
    }
}
