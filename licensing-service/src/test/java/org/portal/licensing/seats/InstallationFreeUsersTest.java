package org.portal.licensing.seats;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
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
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.portal.testsupport.TestTokens;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Free Self-service users are capped per installation, over all its Self-service licenses: min(10,000,
 * 100 × the main product's users), the users as the latest license states them.
 */
@QuarkusTest
class InstallationFreeUsersTest {

    private static final String ADMIN = TestTokens.of("admin-1", "portal-admin");

    private static String license(int productUsers, int seats) {
        String id = "lic-" + UUID.randomUUID();
        given().auth().oauth2(ADMIN).contentType("text/plain")
                .body(signed(terms(id, "self-service", "customer-center", productUsers, seats)))
                .post("/api/licensing/licenses").then().statusCode(201);
        return id;
    }

    /** Seats this test gave, by license: taken back at the end, so that other tests find the installation as it was. */
    private final Map<UUID, String> givenHere = new java.util.concurrent.ConcurrentHashMap<>();

    private int give(String licenseId, UUID userId) {
        int status = given().auth().oauth2(ADMIN).contentType("application/json").body(Map.of("userId", userId))
                .post("/api/licensing/licenses/" + licenseId + "/seats").then().extract().statusCode();
        if (status == 201) {
            givenHere.put(userId, licenseId);
        }
        return status;
    }

    @AfterEach
    void takeSeatsBack() {
        givenHere.forEach((user, license) -> given().auth().oauth2(ADMIN)
                .delete("/api/licensing/licenses/" + license + "/seats/" + user).then().statusCode(204));
    }

    /** Self-service seats given so far in this test run, by other tests too. */
    private static long selfServiceSeatsGiven() {
        return QuarkusTransaction.requiringNew().call(() -> Seat.count(
                "licenseId in (select l.id from License l where l.editionCode = 'self-service')"));
    }

    @Test
    void twoLicensesShareOneCapAndConcurrentSeatsNeverPassIt() throws Exception {
        // The latest license says the main product has P users: the installation may have 100 × P free users.
        int productUsers = (int) (selfServiceSeatsGiven() / 100) + 1;
        int cap = 100 * productUsers;
        int room = cap - (int) selfServiceSeatsGiven();
        String first = license(productUsers, room - 10);
        String second = license(productUsers, 100);
        for (int i = 0; i < room - 10; i++) {
            assertEquals(201, give(first, UUID.randomUUID()));
        }
        given().auth().oauth2(ADMIN).contentType("application/json").body(Map.of("count", 50))
                .post("/api/licensing/licenses/" + second + "/seats/check").then().statusCode(200)
                .body("free", equalTo(10)).body("fits", equalTo(false))
                .body("installationFree", equalTo(10));

        // The second license has 100 seats of its own, but only 10 places are left in the installation.
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<Integer>> calls = IntStream.range(0, 40)
                    .<Callable<Integer>> mapToObj(i -> () -> give(second, UUID.randomUUID())).toList();
            List<Integer> statuses = pool.invokeAll(calls).stream().map(f -> {
                try {
                    return f.get();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }).toList();
            assertEquals(10, statuses.stream().filter(s -> s == 201).count(), statuses.toString());
            assertEquals(30, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
        assertEquals(cap, selfServiceSeatsGiven());
        given().auth().oauth2(ADMIN).contentType("application/json").body(Map.of("userId", UUID.randomUUID()))
                .post("/api/licensing/licenses/" + second + "/seats").then().statusCode(409)
                .body("detail", containsString("at most " + cap));
    }
}
