package org.portal.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Cases, comments and approvals through the gateway, on the demo state the runner seeds. */
class ProcessesIT {

    @Test
    void aCustomerApprovesTheLoanRequestWaitingOnTheirMainPage() {
        String carla = RunningSystem.token("customer-acme");
        given().auth().oauth2(carla).get(RunningSystem.GATEWAY + "/api/main-page").then().statusCode(200)
                .body("edition", equalTo("customer"))
                .body("widgets.find { it.widget.type == 'my-pending-approvals' }.data.open", greaterThanOrEqualTo(1))
                .body("widgets.find { it.widget.type == 'my-open-cases' }.data.open", greaterThanOrEqualTo(1));
        Map<String, Object> approval = given().auth().oauth2(carla).get(RunningSystem.GATEWAY + "/api/approvals").then()
                .statusCode(200).header("RateLimit", org.hamcrest.Matchers.notNullValue())
                .body("items[0].record.section", equalTo("financial-product-requests"))
                .body("items[0].record.status", equalTo("awaiting-approval"))
                .extract().path("items[0]");
        given().auth().oauth2(carla).contentType("application/json").body(Map.of("decision", "approve"))
                .post(RunningSystem.GATEWAY + "/api/approvals/" + approval.get("id") + "/decision").then().statusCode(200)
                .body("state", equalTo("approved"));
        @SuppressWarnings("unchecked")
        Map<String, Object> record = (Map<String, Object>) approval.get("record");
        given().auth().oauth2(carla).get(RunningSystem.GATEWAY + "/api/sections/financial-product-requests/records/"
                + record.get("id")).then().statusCode(200).body("status", equalTo("submitted"));
    }

    @Test
    void theSeededConversationHidesTheAgentsInternalNoteFromTheCustomer() {
        String sam = RunningSystem.token("ssp-acme");
        List<String> cases = given().auth().oauth2(sam).queryParam("sort", "created")
                .get(RunningSystem.GATEWAY + "/api/sections/cases/records").then().statusCode(200).extract().path("items.id");
        String path = RunningSystem.GATEWAY + "/api/sections/cases/records/" + cases.get(0) + "/comments";
        given().auth().oauth2(sam).get(path).then().statusCode(200)
                .body("items.body", hasItem("Firefox 132 on Windows."))
                .body("items.internal", not(hasItem(true)));
        given().auth().oauth2(RunningSystem.token("agent")).get(path).then().statusCode(200)
                .body("items.internal", hasItem(true));
    }

    @Test
    void aSelfServiceUserOpensAndCancelsACaseButCannotTakeAnAgentsStep() {
        String sam = RunningSystem.token("ssp-acme");
        String id = given().auth().oauth2(sam).contentType("application/json")
                .body(Map.of("values", Map.of("subject", "Wrong address on my account")))
                .post(RunningSystem.GATEWAY + "/api/sections/cases/records").then().statusCode(201)
                .body("status", equalTo("new")).extract().path("id");
        String transitions = RunningSystem.GATEWAY + "/api/sections/cases/records/" + id + "/transitions";
        given().auth().oauth2(sam).contentType("application/json").body(Map.of("to", "resolved")).post(transitions).then()
                .statusCode(403).body("type", equalTo("urn:portal:problem:transition-forbidden"));
        given().auth().oauth2(sam).contentType("application/json").body(Map.of("to", "cancelled")).post(transitions).then()
                .statusCode(200).body("status", equalTo("cancelled"));
    }
}
