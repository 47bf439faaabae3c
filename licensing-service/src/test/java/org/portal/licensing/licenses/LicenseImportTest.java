package org.portal.licensing.licenses;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.portal.licensing.VendorKeyResource.signed;
import static org.portal.licensing.VendorKeyResource.terms;

import java.time.LocalDate;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.portal.licensetool.LicenseTerms;
import org.portal.licensing.VendorKeyResource;
import org.portal.testsupport.TestTokens;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class LicenseImportTest {

    private static final String ADMIN = TestTokens.of("admin-1", "portal-admin");

    private static io.restassured.response.ValidatableResponse importFile(String file) {
        return given().auth().oauth2(ADMIN).contentType("text/plain").body(file)
                .post("/api/licensing/licenses").then();
    }

    private static String newId() {
        return "lic-" + UUID.randomUUID();
    }

    @Test
    void aValidLicenseIsImportedWithItsTerms() {
        String id = newId();
        importFile(signed(terms(id, "customer", "sales", 50, 25))).statusCode(201)
                .body("license.id", equalTo(id))
                .body("license.edition", equalTo("customer"))
                .body("license.mainProduct", equalTo("sales"))
                .body("license.seats", equalTo(25))
                .body("license.importedBy", equalTo("admin-1"));
    }

    @Test
    void anImportAndItsReplacementAreAuditedWithTheTermsThatChanged() {
        String id = newId();
        importFile(VendorKeyResource.signedAt(terms(id, "customer", "sales", 50, 25), java.time.Instant.now().minusSeconds(60)))
                .statusCode(201);
        importFile(signed(terms(id, "customer", "sales", 50, 30))).statusCode(200);
        given().auth().oauth2(TestTokens.of("service-sections", "portal-service")).get("/internal/audit?target=" + id).then()
                .statusCode(200)
                .body("items[0].action", equalTo("license.replaced"))
                .body("items[0].before.seats", equalTo(25)).body("items[0].after.seats", equalTo(30))
                .body("items[1].action", equalTo("license.imported"))
                .body("items[1].actor", equalTo("admin-1"))
                .body("items[1].after.edition", equalTo("customer"));
    }

    @Test
    void importingTheSameFileTwiceChangesNothing() {
        String file = signed(terms(newId(), "customer", "sales", 50, 25));
        importFile(file).statusCode(201);
        importFile(file).statusCode(200).body("license.seats", equalTo(25));
    }

    @Test
    void aFileSignedByAnUntrustedKeyIsRefused() {
        String id = newId();
        importFile(VendorKeyResource.signedByStranger(terms(id, "customer", "sales", 50, 25))).statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:portal:problem:license-signature"));
        given().auth().oauth2(ADMIN).get("/api/licensing/licenses/" + id).then().statusCode(404);
    }

    @Test
    void aTamperedFileIsRefused() {
        String[] parts = signed(terms(newId(), "customer", "sales", 50, 25)).split("\\.");
        String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1])).replace("\"seats\":25",
                "\"seats\":2500");
        String tampered = parts[0] + "." + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(payload.getBytes())
                + "." + parts[2];
        importFile(tampered).statusCode(422).body("type", equalTo("urn:portal:problem:license-signature"));
    }

    @Test
    void somethingThatIsNotAJwsIsRefusedAsMalformed() {
        importFile("not a license").statusCode(422).body("type", equalTo("urn:portal:problem:license-malformed"));
    }

    @Test
    void aLicenseForAnotherInstallationIsRefused() {
        LicenseTerms t = terms(newId(), "customer", "sales", 50, 25);
        importFile(signed(new LicenseTerms(t.licenseId(), "other-installation", t.mainProduct(), t.mainProductUsers(),
                t.edition(), t.seats(), t.validFrom(), t.validUntil()))).statusCode(422)
                .body("type", equalTo("urn:portal:problem:license-installation"))
                .body("detail", containsString("other-installation"));
    }

    @Test
    void anExpiredLicenseIsRefused() {
        LicenseTerms t = terms(newId(), "customer", "sales", 50, 25);
        importFile(signed(new LicenseTerms(t.licenseId(), t.installation(), t.mainProduct(), t.mainProductUsers(),
                t.edition(), t.seats(), LocalDate.now().minusYears(2), LocalDate.now().minusDays(1)))).statusCode(422)
                .body("type", equalTo("urn:portal:problem:license-expired"));
    }

    @Test
    void selfServiceIsRefusedWithSalesAndStudio() {
        importFile(signed(terms(newId(), "self-service", "sales", 50, 25))).statusCode(422)
                .body("type", equalTo("urn:portal:problem:license-incompatible"))
                .body("detail", containsString("Self-service Portal may not be used with Sales"));
        importFile(signed(terms(newId(), "self-service", "studio", 50, 25))).statusCode(422)
                .body("type", equalTo("urn:portal:problem:license-incompatible"));
    }

    @Test
    void partnerIsRefusedWithAnythingButSalesEnterpriseAndTheCrmBundle() {
        importFile(signed(terms(newId(), "partner", "sales", 50, 25))).statusCode(422)
                .body("type", equalTo("urn:portal:problem:license-incompatible"));
        importFile(signed(terms(newId(), "partner", "customer-center", 50, 25))).statusCode(422);
        importFile(signed(terms(newId(), "partner", "sales-enterprise", 50, 25))).statusCode(201);
        importFile(signed(terms(newId(), "partner", "crm-bundle", 50, 25))).statusCode(201);
    }

    @Test
    void customerIsAllowedWithEveryMainProduct() {
        for (String product : new String[] { "studio", "sales", "sales-enterprise", "marketing", "customer-center",
                "service-enterprise", "bank-customer-journey", "crm-bundle" }) {
            importFile(signed(terms(newId(), "customer", product, 10, 5))).statusCode(201);
        }
    }

    @Test
    void selfServiceSeatsAreCappedAtAHundredPerMainProductUser() {
        importFile(signed(terms(newId(), "self-service", "customer-center", 40, 9000))).statusCode(201)
                .body("license.seatsInFile", equalTo(9000))
                .body("license.seats", equalTo(4000));
    }

    @Test
    void selfServiceSeatsAreCappedAtTenThousand() {
        importFile(signed(terms(newId(), "self-service", "customer-center", 500, 60000))).statusCode(201)
                .body("license.seats", equalTo(10000));
    }

    @Test
    void onlyPortalAdminsImportLicenses() {
        given().auth().oauth2(TestTokens.of("user-1", "portal-user")).contentType("text/plain")
                .body(signed(terms(newId(), "customer", "sales", 50, 25)))
                .post("/api/licensing/licenses").then().statusCode(403)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:portal:problem:forbidden"));
    }
}
