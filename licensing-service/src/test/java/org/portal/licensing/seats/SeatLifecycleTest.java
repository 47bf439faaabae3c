package org.portal.licensing.seats;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.portal.licensing.VendorKeyResource.signed;
import static org.portal.licensing.VendorKeyResource.signedAt;
import static org.portal.licensing.VendorKeyResource.terms;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.portal.events.ChangeEventPublisher;
import org.portal.licensetool.LicenseTerms;
import org.portal.licensing.VendorKeyResource;
import org.portal.testsupport.ChannelListener;
import org.portal.testsupport.TestTokens;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class SeatLifecycleTest {

    private static final String ADMIN = TestTokens.of("admin-1", "portal-admin");
    private static final String SERVICE = TestTokens.of("service-gateway", "portal-service");

    @Inject
    RedisDataSource redis;

    @ConfigProperty(name = "portal.redis-namespace")
    String namespace;

    private static String license(int seats) {
        String id = "lic-" + UUID.randomUUID();
        given().auth().oauth2(ADMIN).contentType("text/plain").body(signed(terms(id, "customer", "sales", 100, seats)))
                .post("/api/licensing/licenses").then().statusCode(201);
        return id;
    }

    private static UUID seated(String license) {
        UUID user = UUID.randomUUID();
        given().auth().oauth2(ADMIN).contentType("application/json").body(Map.of("userId", user))
                .post("/api/licensing/licenses/" + license + "/seats").then().statusCode(201);
        return user;
    }

    private static int entitlementStatus(UUID user) {
        return given().auth().oauth2(SERVICE).get("/internal/users/" + user + "/entitlement").then().extract().statusCode();
    }

    @Test
    void theStandingStatesEachLicensesEndAndSeatsGivenForServicesOnly() {
        String license = license(2);
        seated(license);
        seated(license);
        String path = "find { it.licenseId == '" + license + "' }";
        given().auth().oauth2(SERVICE).get("/internal/seats/standing").then().statusCode(200)
                .body(path + ".seats", equalTo(2)).body(path + ".given", equalTo(2))
                .body(path + ".edition", equalTo("customer")).body(path + ".validUntil", org.hamcrest.Matchers.notNullValue());
        given().auth().oauth2(ADMIN).get("/internal/seats/standing").then().statusCode(403);
    }

    @Test
    void aSeatTakenBackGrantsNothingAndFreesItsPlace() {
        String license = license(1);
        UUID first = seated(license);
        given().auth().oauth2(ADMIN).delete("/api/licensing/licenses/" + license + "/seats/" + first).then().statusCode(204);
        assertTrue(entitlementStatus(first) == 404);
        seated(license);
    }

    @Test
    void takingBackASeatNobodyHoldsIsNotFound() {
        given().auth().oauth2(ADMIN).delete("/api/licensing/licenses/" + license(1) + "/seats/" + UUID.randomUUID())
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void assigningTheSameSeatAgainChangesNothing() {
        String license = license(2);
        UUID user = seated(license);
        given().auth().oauth2(ADMIN).contentType("application/json").body(Map.of("userId", user))
                .post("/api/licensing/licenses/" + license + "/seats").then().statusCode(200);
        given().auth().oauth2(ADMIN).get("/api/licensing/licenses/" + license + "/seats").then().statusCode(200)
                .body("taken", equalTo(1));
    }

    @Test
    void seatsAreListedOldestFirstAPageAtATime() {
        String license = license(5);
        UUID first = seated(license);
        UUID second = seated(license);
        seated(license);
        given().auth().oauth2(ADMIN).get("/api/licensing/licenses/" + license + "/seats?limit=2").then().statusCode(200)
                .body("items.userId", contains(first.toString(), second.toString()))
                .body("taken", equalTo(3))
                .body("seats", equalTo(5));
        given().auth().oauth2(ADMIN).get("/api/licensing/licenses/" + license + "/seats?offset=2&limit=2").then()
                .body("items", hasSize(1));
    }

    @Test
    void theDryRunSaysWhetherMoreSeatsFit() {
        String license = license(5);
        seated(license);
        seated(license);
        given().auth().oauth2(ADMIN).contentType("application/json").body(Map.of("count", 3))
                .post("/api/licensing/licenses/" + license + "/seats/check").then().statusCode(200)
                .body("fits", equalTo(true)).body("free", equalTo(3)).body("bindingLimit", equalTo("license-seats"));
        given().auth().oauth2(ADMIN).contentType("application/json").body(Map.of("count", 4))
                .post("/api/licensing/licenses/" + license + "/seats/check").then().statusCode(200)
                .body("fits", equalTo(false));
        given().auth().oauth2(ADMIN).get("/api/licensing/licenses/" + license + "/seats").then().body("taken", equalTo(2));
    }

    @Test
    void aReplacementWithFewerSeatsMarksTheNewestSeatsAndLocksNobodyElseOut() {
        String id = "lic-" + UUID.randomUUID();
        LicenseTerms three = terms(id, "customer", "sales", 100, 3);
        Instant issued = Instant.now().minusSeconds(60);
        given().auth().oauth2(ADMIN).contentType("text/plain").body(signedAt(three, issued))
                .post("/api/licensing/licenses").then().statusCode(201);
        UUID oldest = seated(id);
        UUID middle = seated(id);
        UUID newest = seated(id);

        LicenseTerms one = terms(id, "customer", "sales", 100, 1);
        given().auth().oauth2(ADMIN).contentType("text/plain").body(signedAt(one, issued.plusSeconds(30)))
                .post("/api/licensing/licenses").then().statusCode(200)
                .body("license.seats", equalTo(1))
                .body("overLimitSeats", contains(middle.toString(), newest.toString()));

        assertTrue(entitlementStatus(oldest) == 200);
        given().auth().oauth2(SERVICE).get("/internal/users/" + newest + "/entitlement").then().statusCode(404)
                .body("detail", containsString("over the limit"));
        given().auth().oauth2(ADMIN).contentType("application/json").body(Map.of("userId", UUID.randomUUID()))
                .post("/api/licensing/licenses/" + id + "/seats").then().statusCode(409);

        given().auth().oauth2(ADMIN).delete("/api/licensing/licenses/" + id + "/seats/" + oldest).then().statusCode(204);
        assertTrue(entitlementStatus(middle) == 200, "the older over-limit seat comes within the limit");
        assertTrue(entitlementStatus(newest) == 404);
    }

    @Test
    void anOlderFileForTheSameLicenseIsRefused() {
        String id = "lic-" + UUID.randomUUID();
        Instant now = Instant.now();
        given().auth().oauth2(ADMIN).contentType("text/plain").body(signedAt(terms(id, "customer", "sales", 100, 5), now))
                .post("/api/licensing/licenses").then().statusCode(201);
        given().auth().oauth2(ADMIN).contentType("text/plain")
                .body(signedAt(terms(id, "customer", "sales", 100, 50), now.minusSeconds(3600)))
                .post("/api/licensing/licenses").then().statusCode(409)
                .body("type", equalTo("urn:portal:problem:license-superseded"));
        given().auth().oauth2(ADMIN).get("/api/licensing/licenses/" + id).then().body("seats", equalTo(5));
    }

    @Test
    void aLicenseNotYetValidGrantsNothing() {
        String id = "lic-" + UUID.randomUUID();
        given().auth().oauth2(ADMIN).contentType("text/plain").body(signed(new LicenseTerms(id, VendorKeyResource.INSTALLATION,
                "sales", 100, "customer", 5, LocalDate.now().plusDays(2), LocalDate.now().plusYears(1))))
                .post("/api/licensing/licenses").then().statusCode(201);
        UUID user = seated(id);
        given().auth().oauth2(SERVICE).get("/internal/users/" + user + "/entitlement").then().statusCode(404)
                .body("type", equalTo("urn:portal:problem:no-entitlement"))
                .body("detail", containsString("not valid today"));
    }

    @Test
    void theLedgerRecordsImportsAssignmentsAndRevocations() {
        String license = license(2);
        UUID user = seated(license);
        given().auth().oauth2(ADMIN).delete("/api/licensing/licenses/" + license + "/seats/" + user).then().statusCode(204);
        given().auth().oauth2(ADMIN).get("/api/licensing/ledger?licenseId=" + license).then().statusCode(200)
                .body("items.action", contains("seat-revoked", "seat-assigned", "license-imported"))
                .body("items.actor", contains("admin-1", "admin-1", "admin-1"))
                .body("items[1].userId", equalTo(user.toString()));
    }

    @Test
    void assigningASeatPublishesSeatChangedAfterCommit() throws Exception {
        try (ChannelListener changes = ChannelListener.listen(redis, ChangeEventPublisher.channel(namespace))) {
            String license = license(2);
            UUID user = seated(license);
            String message = changes.await(m -> m.contains("seat-changed") && m.contains(user.toString()), 5000);
            assertNotNull(message, "no seat-changed event");
            assertTrue(message.contains(license), message);
        }
    }

    @Test
    void portalUsersAndAgentsCannotManageLicensesOrSeats() {
        String license = license(2);
        for (String role : new String[] { "portal-user", "portal-agent" }) {
            String token = TestTokens.of("someone", role);
            given().auth().oauth2(token).contentType("text/plain").body(signed(terms("lic-" + UUID.randomUUID(), "customer",
                    "sales", 10, 1))).post("/api/licensing/licenses").then().statusCode(403);
            given().auth().oauth2(token).contentType("application/json").body(Map.of("userId", UUID.randomUUID()))
                    .post("/api/licensing/licenses/" + license + "/seats").then().statusCode(403);
            given().auth().oauth2(token).get("/api/licensing/ledger").then().statusCode(403);
            given().auth().oauth2(token).get("/internal/users/" + UUID.randomUUID() + "/entitlement").then().statusCode(403);
        }
    }

    @Test
    void adminsReadAnyUsersEntitlement() {
        UUID user = seated(license(2));
        given().auth().oauth2(ADMIN).get("/api/licensing/users/" + user + "/entitlement").then().statusCode(200)
                .body("edition", equalTo("customer"));
    }

    @Test
    void anOversizedLicenseBodyIsRefusedAndChangesNothing() {
        given().auth().oauth2(ADMIN).contentType("text/plain").body("x".repeat(20_000))
                .post("/api/licensing/licenses").then().statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void aLicenseWithAnUnknownEditionIsRefused() {
        given().auth().oauth2(ADMIN).contentType("text/plain")
                .body(signed(terms("lic-" + UUID.randomUUID(), "platinum", "sales", 10, 5)))
                .post("/api/licensing/licenses").then().statusCode(422)
                .body("type", equalTo("urn:portal:problem:license-unknown-terms"));
    }

    @Test
    void aLicenseWithNegativeSeatsIsRefused() {
        given().auth().oauth2(ADMIN).contentType("text/plain")
                .body(signed(terms("lic-" + UUID.randomUUID(), "customer", "sales", 10, -5)))
                .post("/api/licensing/licenses").then().statusCode(422)
                .body("type", equalTo("urn:portal:problem:license-malformed"));
    }
}
