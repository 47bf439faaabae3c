package org.portal.sections.records;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.portal.sections.People.create;
import static org.portal.sections.People.created;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.portal.sections.People;

import io.quarkus.test.junit.QuarkusTest;

/** Input no service can store or afford is a 4xx problem that changes nothing. */
@QuarkusTest
class BoundedInputTest {

    @Test
    void textWithTheNulCharacterIsRefusedByField() {
        People.Person carla = People.portalUser(UUID.randomUUID(), "account");
        create(carla.token(), "cases", Map.of("values", Map.of("subject", "a\u0000b"))).statusCode(400)
                .body("type", equalTo("urn:portal:problem:bad-request"))
                .body("errors.field", contains("values.subject"));
        given().auth().oauth2(carla.token()).contentType("application/json").body("{\"values\":{\"sub\\u0000ject\":\"x\"}}")
                .post("/api/sections/cases/records").then().statusCode(400);
        given().auth().oauth2(carla.token()).get("/api/sections/cases/records").then().statusCode(200)
                .body("items", hasSize(0));
    }

    @Test
    void theNulCharacterInTheRequestTargetIsRefused() {
        People.Person carla = People.portalUser(UUID.randomUUID(), "account");
        given().auth().oauth2(carla.token()).urlEncodingEnabled(false)
                .get("/api/sections/knowledge-base/records/search?q=%00abc").then().statusCode(400)
                .contentType("application/problem+json").body("type", equalTo("urn:portal:problem:bad-request"));
        given().auth().oauth2(carla.token()).urlEncodingEnabled(false)
                .get("/api/sections/cases/records/%00").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void anOverlongRequestTargetGetsAProblem() {
        People.Person carla = People.portalUser(UUID.randomUUID(), "account");
        given().auth().oauth2(carla.token()).queryParam("q", "x".repeat(5000)).get("/api/sections/cases/records").then()
                .statusCode(414).contentType("application/problem+json")
                .body("type", equalTo("urn:portal:problem:uri-too-long"));
    }

    @Test
    void hugeNumbersAreRefusedBeforeTheyAreExpanded() {
        People.Person pat = People.portalUser(UUID.randomUUID(), "account");
        given().auth().oauth2(pat.token()).queryParam("amount", "1e50000000").get("/api/sections/orders/records").then()
                .statusCode(400).body("errors.field", contains("amount"));
        given().auth().oauth2(pat.token()).contentType("application/json")
                .body("{\"values\":{\"number\":\"PO-1\",\"amount\":1e50000000,\"currency\":\"EUR\"}}")
                .post("/api/sections/orders/records").then().statusCode(400).body("errors.field", contains("values.amount"));
        given().auth().oauth2(pat.token()).contentType("application/json")
                .body("{\"values\":{\"title\":\"Big\",\"probability\":1e-50000000}}")
                .post("/api/sections/opportunities/records").then().statusCode(400)
                .body("errors.field", contains("values.probability"));
        given().auth().oauth2(pat.token()).contentType("application/json")
                .body("{\"values\":{\"title\":\"Long\",\"probability\":1" + "0".repeat(200) + "}}")
                .post("/api/sections/opportunities/records").then().statusCode(400);
        created(pat.token(), "orders", Map.of("number", "PO-2", "amount", new java.math.BigDecimal("999999999999999999.99"),
                "currency", "EUR"));
        given().auth().oauth2(pat.token()).get("/api/sections/orders/records").then().statusCode(200)
                .body("items", hasSize(1));
    }

    @Test
    void deeplyNestedBodiesAreRefused() {
        People.Person carla = People.portalUser(UUID.randomUUID(), "account");
        String nested = "[".repeat(40) + "]".repeat(40);
        given().auth().oauth2(carla.token()).contentType("application/json")
                .body("{\"values\":{\"subject\":" + nested + "}}")
                .post("/api/sections/cases/records").then().statusCode(400)
                .body("type", equalTo("urn:portal:problem:bad-request"));
    }
}
