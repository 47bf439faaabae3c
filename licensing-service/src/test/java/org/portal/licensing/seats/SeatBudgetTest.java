package org.portal.licensing.seats;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.portal.licensing.VendorKeyResource.signed;
import static org.portal.licensing.VendorKeyResource.terms;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.portal.testsupport.TestTokens;

import io.quarkus.test.junit.QuarkusTest;

/** Account administrators give seats out of the budget a portal administrator set, never beyond it. */
@QuarkusTest
class SeatBudgetTest {

    private static final String ADMIN = TestTokens.of("admin-1", "portal-admin");
    private static final String USERS_SERVICE = TestTokens.of("service-portal-users", "portal-service");

    UUID account;

    @BeforeEach
    void anAccountWithABudget() {
        account = UUID.randomUUID();
        given().auth().oauth2(ADMIN).contentType("text/plain")
                .body(signed(terms("lic-" + UUID.randomUUID(), "customer", "sales", 100, 50)))
                .post("/api/licensing/licenses").then().statusCode(201);
        given().auth().oauth2(ADMIN).contentType("application/json").body(Map.of("seats", 2))
                .put("/api/licensing/accounts/" + account + "/seat-budgets/customer").then().statusCode(200)
                .body("seats", equalTo(2)).body("used", equalTo(0)).body("updatedBy", equalTo("admin-1"));
    }

    private static io.restassured.response.ValidatableResponse give(UUID user, String edition, UUID budgetAccount) {
        return given().auth().oauth2(USERS_SERVICE).contentType("application/json")
                .body(Map.of("userId", user, "edition", edition, "givenBy", "acme-admin", "budgetAccountId", budgetAccount))
                .post("/internal/seats").then();
    }

    @Test
    void seatsComeOutOfTheBudgetAndNoFurther() {
        give(UUID.randomUUID(), "customer", account).statusCode(201).body("assignedBy", equalTo("acme-admin"));
        UUID second = UUID.randomUUID();
        give(second, "customer", account).statusCode(201);
        give(second, "customer", account).statusCode(200);
        give(UUID.randomUUID(), "customer", account).statusCode(409).body("type", endsWith(":seat-budget-exhausted"));
        given().auth().oauth2(ADMIN).get("/api/licensing/accounts/" + account + "/seat-budgets").then()
                .body("[0].used", equalTo(2));

        given().auth().oauth2(USERS_SERVICE).queryParam("budgetAccountId", account).queryParam("takenBy", "acme-admin")
                .delete("/internal/seats/" + second).then().statusCode(204);
        give(UUID.randomUUID(), "customer", account).statusCode(201);
    }

    @Test
    void noSeatOfAnEditionWithoutABudget() {
        give(UUID.randomUUID(), "partner", account).statusCode(403).body("type", endsWith(":no-seat-budget"));
        given().auth().oauth2(ADMIN).contentType("application/json").body(Map.of("seats", 0))
                .put("/api/licensing/accounts/" + account + "/seat-budgets/customer").then().statusCode(200);
        give(UUID.randomUUID(), "customer", account).statusCode(403).body("type", endsWith(":no-seat-budget"));
    }

    @Test
    void onlyBudgetSeatsOfTheAccountAreTakenBackThisWay() {
        UUID user = UUID.randomUUID();
        give(user, "customer", account).statusCode(201);
        given().auth().oauth2(USERS_SERVICE).queryParam("budgetAccountId", UUID.randomUUID())
                .delete("/internal/seats/" + user).then().statusCode(404);
        UUID staffGiven = UUID.randomUUID();
        given().auth().oauth2(USERS_SERVICE).contentType("application/json")
                .body(Map.of("userId", staffGiven, "edition", "customer")).post("/internal/seats").then().statusCode(201);
        given().auth().oauth2(USERS_SERVICE).queryParam("budgetAccountId", account)
                .delete("/internal/seats/" + staffGiven).then().statusCode(404);
    }

    @Test
    void concurrentGiversNeverExceedTheBudget() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> gives = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                gives.add(() -> give(UUID.randomUUID(), "customer", account).extract().statusCode());
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> status : pool.invokeAll(gives)) {
                statuses.add(status.get());
            }
            assertEquals(2, statuses.stream().filter(status -> status == 201).count(), statuses.toString());
            assertEquals(6, statuses.stream().filter(status -> status == 409).count(), statuses.toString());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aBudgetOfAnUnknownEditionIsRefused() {
        given().auth().oauth2(ADMIN).contentType("application/json").body(Map.of("seats", 1))
                .put("/api/licensing/accounts/" + account + "/seat-budgets/platinum").then().statusCode(422);
        given().auth().oauth2(USERS_SERVICE).contentType("application/json").body(Map.of("seats", 1))
                .put("/api/licensing/accounts/" + account + "/seat-budgets/customer").then().statusCode(403);
    }
}
