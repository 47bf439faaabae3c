package org.portal.licensing.catalogue;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.portal.licensing.VendorKeyResource.signed;
import static org.portal.licensing.VendorKeyResource.terms;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.portal.testsupport.TestTokens;

import io.quarkus.test.junit.QuarkusTest;

/**
 * docs/product-rules.md's tables, restated here independently of the catalogue migration, row by row: which
 * main products each edition may be used with, the sections each edition offers on each product, and
 * the free edition's seat caps at their edges.
 */
@QuarkusTest
class ProductRulesTest {

    private static final String ADMIN = TestTokens.of("admin-1", "portal-admin");
    private static final String SERVICE = TestTokens.of("service-gateway", "portal-service");

    static final Map<String, Set<String>> PRODUCT_MODULES = Map.of(
            "studio", Set.of("core"),
            "sales", Set.of("core", "sales"),
            "sales-enterprise", Set.of("core", "sales"),
            "marketing", Set.of("core", "marketing"),
            "customer-center", Set.of("core", "service"),
            "service-enterprise", Set.of("core", "service"),
            "bank-customer-journey", Set.of("core", "service", "bank-customer-journey"),
            "crm-bundle", Set.of("core", "sales", "marketing", "service"));

    static final Map<String, String> SECTION_MODULE = Map.ofEntries(
            Map.entry("knowledge-base", "core"), Map.entry("cases", "service"), Map.entry("leads", "sales"),
            Map.entry("opportunities", "sales"), Map.entry("orders", "sales"), Map.entry("documents", "sales"),
            Map.entry("marketing-activities", "marketing"),
            Map.entry("financial-product-requests", "bank-customer-journey"),
            Map.entry("contracts", "bank-customer-journey"));

    static final Map<String, Map<String, String>> EDITION_SECTIONS = Map.of(
            "self-service", Map.of("knowledge-base", "R", "cases", "RCE"),
            "customer", Map.of("knowledge-base", "R", "cases", "RCE", "financial-product-requests", "RCE",
                    "contracts", "RCE"),
            "partner", Map.of("knowledge-base", "R", "cases", "RCE", "leads", "RCE", "opportunities", "RCE",
                    "orders", "RCE", "documents", "RCE", "marketing-activities", "RCE"));

    static final Map<String, Set<String>> ALLOWED_PRODUCTS = Map.of(
            "self-service", Set.of("customer-center", "service-enterprise", "bank-customer-journey"),
            "partner", Set.of("sales-enterprise", "crm-bundle"),
            "customer", PRODUCT_MODULES.keySet());

    static Stream<Arguments> everyEditionWithEveryProduct() {
        return EDITION_SECTIONS.keySet().stream()
                .flatMap(edition -> PRODUCT_MODULES.keySet().stream().map(product -> Arguments.of(edition, product)));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("everyEditionWithEveryProduct")
    void anEditionIsImportedOnlyWithTheProductsItMayBeUsedWith(String edition, String product) {
        var response = given().auth().oauth2(ADMIN).contentType("text/plain")
                .body(signed(terms("lic-" + UUID.randomUUID(), edition, product, 100, 5)))
                .post("/api/licensing/licenses").then();
        if (ALLOWED_PRODUCTS.get(edition).contains(product)) {
            response.statusCode(201);
        } else {
            response.statusCode(422).body("type", equalTo("urn:portal:problem:license-incompatible"));
        }
    }

    static Stream<Arguments> everyAllowedEditionAndProduct() {
        return everyEditionWithEveryProduct()
                .filter(a -> ALLOWED_PRODUCTS.get((String) a.get()[0]).contains((String) a.get()[1]));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("everyAllowedEditionAndProduct")
    void anEntitlementOffersTheEditionsSectionsWhoseModuleTheProductContains(String edition, String product) {
        String license = "lic-" + UUID.randomUUID();
        given().auth().oauth2(ADMIN).contentType("text/plain").body(signed(terms(license, edition, product, 100, 5)))
                .post("/api/licensing/licenses").then().statusCode(201);
        UUID user = UUID.randomUUID();
        given().auth().oauth2(ADMIN).contentType("application/json").body(Map.of("userId", user))
                .post("/api/licensing/licenses/" + license + "/seats").then().statusCode(201);

        Map<String, String> expected = new java.util.TreeMap<>();
        EDITION_SECTIONS.get(edition).forEach((section, letters) -> {
            if (PRODUCT_MODULES.get(product).contains(SECTION_MODULE.get(section))) {
                expected.put(section, letters);
            }
        });
        var entitlement = given().auth().oauth2(SERVICE).get("/internal/users/" + user + "/entitlement").then()
                .statusCode(200)
                .body("edition", equalTo(edition))
                .body("sections.code", containsInAnyOrder(expected.keySet().toArray()));
        expected.forEach((section, letters) -> entitlement.body("sections.find { it.code == '" + section + "' }.operations",
                containsInAnyOrder(operations(letters).toArray())));
    }

    private static List<String> operations(String letters) {
        return Stream.of("R:read", "C:create", "E:edit").filter(o -> letters.contains(o.substring(0, 1)))
                .map(o -> o.substring(2)).toList();
    }

    @ParameterizedTest(name = "{0} product users, {1} seats in the file -> {2} ({3})")
    @CsvSource({
            "40, 3999, 3999, license-seats",
            "40, 4000, 4000, license-seats",
            "40, 4001, 4000, free-users-per-product-user",
            "99, 10000, 9900, free-users-per-product-user",
            "100, 10000, 10000, license-seats",
            "100, 10001, 10000, free-user-maximum",
            "101, 20000, 10000, free-user-maximum",
            "1, 500, 100, free-users-per-product-user" })
    void selfServiceSeatsAreCappedAtTenThousandAndAHundredPerProductUser(int productUsers, int seatsInFile,
            int seats, String bindingLimit) {
        String license = "lic-" + UUID.randomUUID();
        given().auth().oauth2(ADMIN).contentType("text/plain")
                .body(signed(terms(license, "self-service", "customer-center", productUsers, seatsInFile)))
                .post("/api/licensing/licenses").then().statusCode(201)
                .body("license.seatsInFile", equalTo(seatsInFile))
                .body("license.seats", equalTo(seats));
        given().auth().oauth2(ADMIN).contentType("application/json").body(Map.of("count", 1))
                .post("/api/licensing/licenses/" + license + "/seats/check").then().statusCode(200)
                .body("seats", equalTo(seats))
                .body("bindingLimit", equalTo(bindingLimit));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({ "customer", "partner" })
    void paidEditionsAreNotCapped(String edition) {
        given().auth().oauth2(ADMIN).contentType("text/plain")
                .body(signed(terms("lic-" + UUID.randomUUID(), edition, "crm-bundle", 1, 50000)))
                .post("/api/licensing/licenses").then().statusCode(201)
                .body("license.seats", equalTo(50000));
    }
}
