package org.portal.licensing.catalogue;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import org.junit.jupiter.api.Test;
import org.portal.testsupport.TestTokens;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class CatalogueResourceTest {

    private static final String ADMIN = TestTokens.of("admin-1", "portal-admin");

    @Test
    void editionsCarryThePricesLimitsAndCustomSectionCapsOfTheProductRules() {
        given().auth().oauth2(ADMIN).get("/api/licensing/catalogue").then().statusCode(200)
                .body("editions.code", contains("customer", "partner", "self-service"))
                .body("editions.find { it.code == 'self-service' }.subscription.terms", equalTo("free"))
                .body("editions.find { it.code == 'self-service' }.customSectionLimit", equalTo(0))
                .body("editions.find { it.code == 'self-service' }.maxFreeUsers", equalTo(10000))
                .body("editions.find { it.code == 'self-service' }.freeUsersPerProductUser", equalTo(100))
                .body("editions.find { it.code == 'customer' }.subscription.terms", equalTo("list"))
                .body("editions.find { it.code == 'customer' }.subscription.usdPerUserYear", equalTo(70.0f))
                .body("editions.find { it.code == 'customer' }.perpetual.terms", equalTo("on-request"))
                .body("editions.find { it.code == 'customer' }.customSectionLimit", equalTo(3))
                .body("editions.find { it.code == 'partner' }.subscription.terms", equalTo("on-request"))
                .body("editions.find { it.code == 'partner' }.subscription.usdPerUserYear", nullValue())
                .body("editions.find { it.code == 'partner' }.customSectionLimit", equalTo(3))
                .body("editions.dailyCallLimit", contains(1000, 1000, 1000));
    }

    @Test
    void editionsGrantExactlyTheSectionsOfTheProductTable() {
        given().auth().oauth2(ADMIN).get("/api/licensing/catalogue").then().statusCode(200)
                .body("editions.find { it.code == 'self-service' }.grants.keySet()",
                        containsInAnyOrder("knowledge-base", "cases"))
                .body("editions.find { it.code == 'self-service' }.grants.'knowledge-base'", contains("read"))
                .body("editions.find { it.code == 'self-service' }.grants.cases", contains("read", "create", "edit"))
                .body("editions.find { it.code == 'customer' }.grants.keySet()",
                        containsInAnyOrder("knowledge-base", "cases", "financial-product-requests", "contracts"))
                .body("editions.find { it.code == 'partner' }.grants.keySet()",
                        containsInAnyOrder("knowledge-base", "cases", "leads", "opportunities", "orders", "documents",
                                "marketing-activities"))
                .body("editions.find { it.code == 'partner' }.grants.leads", contains("read", "create", "edit"));
    }

    @Test
    void editionsAreAllowedOnlyWithTheirMainProducts() {
        given().auth().oauth2(ADMIN).get("/api/licensing/catalogue").then().statusCode(200)
                .body("editions.find { it.code == 'self-service' }.allowedProducts",
                        contains("bank-customer-journey", "customer-center", "service-enterprise"))
                .body("editions.find { it.code == 'partner' }.allowedProducts", contains("crm-bundle", "sales-enterprise"))
                .body("editions.find { it.code == 'customer' }.allowedProducts", hasSize(8))
                .body("products.find { it.code == 'crm-bundle' }.modules",
                        contains("core", "marketing", "sales", "service"))
                .body("products.find { it.code == 'bank-customer-journey' }.modules",
                        contains("bank-customer-journey", "core", "service"));
    }

    @Test
    void catalogueNeedsAToken() {
        given().get("/api/licensing/catalogue").then().statusCode(401)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:portal:problem:unauthorized"))
                .body("status", equalTo(401));
    }
}
