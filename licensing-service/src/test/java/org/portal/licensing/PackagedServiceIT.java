package org.portal.licensing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.portal.licensing.VendorKeyResource.signed;
import static org.portal.licensing.VendorKeyResource.terms;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.portal.testsupport.TestTokens;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * The packaged application, as production runs it: migrations, the catalogue's data, token
 * verification and problem responses all come from the jar, not from the test class path.
 */
@QuarkusIntegrationTest
class PackagedServiceIT {

    private static final String ADMIN = TestTokens.of("admin-1", "portal-admin");

    @Test
    void theCatalogueIsMigratedData() {
        given().auth().oauth2(ADMIN).get("/api/licensing/catalogue").then().statusCode(200)
                .body("editions.code", hasItem("self-service"))
                .body("products.find { it.code == 'crm-bundle' }.modules", hasItem("marketing"));
    }

    @Test
    void aSignedLicenseIsImportedAndAnIncompatibleOneRefusedWithAProblem() {
        String id = "lic-" + UUID.randomUUID();
        given().auth().oauth2(ADMIN).contentType("text/plain").body(signed(terms(id, "customer", "sales", 50, 25)))
                .post("/api/licensing/licenses").then().statusCode(201).body("license.id", equalTo(id));
        given().auth().oauth2(ADMIN).contentType("text/plain")
                .body(signed(terms("lic-" + UUID.randomUUID(), "partner", "studio", 50, 25)))
                .post("/api/licensing/licenses").then().statusCode(422).contentType("application/problem+json");
    }

    @Test
    void aCallWithoutATokenIsRefused() {
        given().get("/api/licensing/catalogue").then().statusCode(401);
    }
}
