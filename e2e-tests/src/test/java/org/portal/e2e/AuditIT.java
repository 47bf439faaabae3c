package org.portal.e2e;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.portal.e2e.RunningSystem.GATEWAY;

import java.nio.file.Files;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.portal.licensetool.LicenseSigner;
import org.portal.licensetool.LicenseTerms;

/**
 * A portal administrator's day, read back from the audit trail: a user blocked (portal-users-service),
 * a daily limit changed (licensing-service's catalogue) and a license imported (licensing-service),
 * each found through the one audit API and in its CSV export, with who did it.
 */
class AuditIT {

    /** The runner's installation id and its development vendor key (deploy/local/run.sh). */
    private static final String INSTALLATION = "local-dev";

    @Test
    void aBlockALimitChangeAndALicenseImportAreInTheAuditTrailAndItsCsv() throws Exception {
        Instant began = Instant.now().truncatedTo(ChronoUnit.SECONDS).minusSeconds(1);
        String admin = RunningSystem.token("admin");
        String adminSubject = io.restassured.path.json.JsonPath.from(new String(
                java.util.Base64.getUrlDecoder().decode(admin.split("\\.")[1]), java.nio.charset.StandardCharsets.UTF_8))
                .getString("sub");

        RunningSystem.LinkedPerson person = RunningSystem.linkedPortalUser(admin, RunningSystem.accountId(admin, "Acme"),
                "audited", null);
        given().auth().oauth2(admin).post(GATEWAY + "/api/users/" + person.userId() + "/block").then().statusCode(200);

        int limit = RunningSystem.dailyCallLimit(admin, "partner");
        RunningSystem.setDailyCallLimit(admin, "partner", limit + 1);
        RunningSystem.setDailyCallLimit(admin, "partner", limit);

        String licenseId = "audit-e2e-" + UUID.randomUUID();
        LicenseSigner vendor = LicenseSigner.fromPrivateJwk(Files.readString(
                LocalRunner.STATE.resolve("vendor").resolve("private.jwk")));
        String file = vendor.sign(new LicenseTerms(licenseId, INSTALLATION, "sales", 10, "customer", 1,
                LocalDate.now().minusDays(1), LocalDate.now().plusYears(1)));
        given().auth().oauth2(admin).contentType("text/plain").body(file).post(GATEWAY + "/api/licensing/licenses").then()
                .statusCode(201);

        given().auth().oauth2(admin).get(GATEWAY + "/api/admin/audit?limit=500&from=" + began).then().statusCode(200)
                .body("items.findAll { it.action == 'user.blocked' }.targetId", hasItem(person.userId()))
                .body("items.find { it.action == 'user.blocked' && it.targetId == '" + person.userId() + "' }.after.status",
                        org.hamcrest.Matchers.equalTo("blocked"))
                .body("items.find { it.action == 'catalogue.daily-call-limit-changed' }.after.dailyCallLimit",
                        org.hamcrest.Matchers.equalTo(limit))
                .body("items.findAll { it.action == 'catalogue.daily-call-limit-changed' }.targetId", hasItem("partner"))
                .body("items.findAll { it.action == 'license.imported' }.targetId", hasItem(licenseId))
                .body("items.findAll { it.targetId == '" + licenseId + "' }.actor", hasItem(adminSubject));

        String csv = given().auth().oauth2(admin).accept("text/csv").get(GATEWAY + "/api/admin/audit?from=" + began).then()
                .statusCode(200).extract().asString();
        assertTrue(csv.lines().anyMatch(line -> line.contains(",user.blocked,portal-user," + person.userId() + ",")), csv);
        assertTrue(csv.lines().anyMatch(line -> line.contains(",catalogue.daily-call-limit-changed,edition,partner,")), csv);
        assertTrue(csv.lines().anyMatch(line -> line.contains(",license.imported,license," + licenseId + ",")), csv);

        // A portal user who administers no account reads none of it, through the gateway or straight at the service.
        String customer = RunningSystem.token("customer-acme");
        given().auth().oauth2(customer).get(GATEWAY + "/api/admin/audit").then().statusCode(403);
        given().auth().oauth2(customer).get(RunningSystem.service("sections-service") + "/api/admin/audit").then()
                .statusCode(403);
    }
}
