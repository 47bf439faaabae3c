package org.portal.licensing.entitlements;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.portal.licensing.VendorKeyResource.signed;
import static org.portal.licensing.VendorKeyResource.terms;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.portal.testsupport.TestTokens;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class SeatsAndEntitlementTest {

    private static final String ADMIN = TestTokens.of("admin-1", "portal-admin");
    private static final String SERVICE = TestTokens.of("service-gateway", "portal-service");

    private static String license(String edition, String product, int seats) {
        String id = "lic-" + UUID.randomUUID();
        given().auth().oauth2(ADMIN).contentType("text/plain").body(signed(terms(id, edition, product, 100, seats)))
                .post("/api/licensing/licenses").then().statusCode(201);
        return id;
    }

    private static int assign(String licenseId, UUID userId) {
        return given().auth().oauth2(ADMIN).contentType("application/json").body(Map.of("userId", userId))
                .post("/api/licensing/licenses/" + licenseId + "/seats").then().extract().statusCode();
    }

    @Test
    void fiftyConcurrentAssignmentsNeverGiveMoreSeatsThanTheLicenseHas() throws Exception {
        String id = license("customer", "sales", 10);
        ExecutorService pool = Executors.newFixedThreadPool(50);
        try {
            List<Callable<Integer>> calls = IntStream.range(0, 50)
                    .<Callable<Integer>> mapToObj(i -> () -> assign(id, UUID.randomUUID())).toList();
            List<Integer> statuses = pool.invokeAll(calls).stream().map(SeatsAndEntitlementTest::get).toList();
            assertEquals(10, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
            assertEquals(40, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aUserHoldsAtMostOneSeat() {
        UUID user = UUID.randomUUID();
        assertEquals(201, assign(license("customer", "sales", 5), user));
        given().auth().oauth2(ADMIN).contentType("application/json").body(Map.of("userId", user))
                .post("/api/licensing/licenses/" + license("customer", "sales", 5) + "/seats").then().statusCode(409)
                .body("type", equalTo("urn:portal:problem:conflict"));
    }

    @Test
    void aSeatRequestWithoutAUserIsAValidationProblem() {
        given().auth().oauth2(ADMIN).contentType("application/json").body("{}")
                .post("/api/licensing/licenses/" + license("customer", "sales", 5) + "/seats").then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:portal:problem:validation"))
                .body("errors.field", contains("userId"));
    }

    @Test
    void aCustomerPortalOnSalesGetsTheKnowledgeBaseButNoCases() {
        UUID user = UUID.randomUUID();
        assign(license("customer", "sales", 5), user);
        given().auth().oauth2(SERVICE).get("/internal/users/" + user + "/entitlement").then().statusCode(200)
                .body("edition", equalTo("customer"))
                .body("sections.code", contains("knowledge-base"))
                .body("sections[0].operations", contains("read"))
                .body("dailyCallLimit", equalTo(1000))
                .body("customSectionLimit", equalTo(3));
    }

    @Test
    void aPartnerPortalOnTheCrmBundleGetsEverythingInItsColumn() {
        UUID user = UUID.randomUUID();
        assign(license("partner", "crm-bundle", 5), user);
        given().auth().oauth2(SERVICE).get("/internal/users/" + user + "/entitlement").then().statusCode(200)
                .body("sections.code", containsInAnyOrder("knowledge-base", "cases", "leads", "opportunities", "orders",
                        "documents", "marketing-activities"))
                .body("sections.find { it.code == 'orders' }.operations", contains("read", "create", "edit"));
    }

    @Test
    void aCustomerPortalOnBankCustomerJourneyGetsRequestsAndContracts() {
        UUID user = UUID.randomUUID();
        assign(license("customer", "bank-customer-journey", 5), user);
        given().auth().oauth2(SERVICE).get("/internal/users/" + user + "/entitlement").then().statusCode(200)
                .body("sections.code", containsInAnyOrder("knowledge-base", "cases", "financial-product-requests",
                        "contracts"));
    }

    @Test
    void aUserWithoutASeatHasNoEntitlement() {
        given().auth().oauth2(SERVICE).get("/internal/users/" + UUID.randomUUID() + "/entitlement").then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:portal:problem:no-entitlement"));
    }

    @Test
    void internalEntitlementsAreForServiceIdentitiesOnly() {
        given().auth().oauth2(ADMIN).get("/internal/users/" + UUID.randomUUID() + "/entitlement").then()
                .statusCode(403);
    }

    private static Integer get(Future<Integer> future) {
        try {
            return future.get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
