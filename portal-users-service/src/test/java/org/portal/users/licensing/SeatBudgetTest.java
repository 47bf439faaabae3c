package org.portal.users.licensing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.endsWith;
import static org.portal.users.Fixtures.ADMIN;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.portal.testsupport.HttpStubServer;
import org.portal.users.Fixtures;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Account administrators give and take back seats on their account's budget, which licensing-service
 * keeps (its own tests prove the count is exact); here: that every seat they give names that budget
 * and the giver, and that licensing-service's refusals reach them with the same problem types.
 */
@QuarkusTest
class SeatBudgetTest {

    String acme;
    String adminSubject;
    String acmeAdmin;
    String acmeUser;

    @BeforeEach
    void anAccountAndItsAdministrator() {
        acme = Fixtures.account("Acme");
        adminSubject = Fixtures.newSubject();
        Fixtures.user(adminSubject, acme, true);
        acmeAdmin = Fixtures.token(adminSubject);
        acmeUser = Fixtures.user(Fixtures.newSubject(), acme, false);
    }

    @Test
    void anAccountAdministratorsSeatComesOutOfTheirBudget() {
        HttpStubServer.server().stubFor(post(urlEqualTo("/internal/seats")).willReturn(aResponse().withStatus(201)));
        given().auth().oauth2(acmeAdmin).contentType("application/json").body(Map.of("edition", "customer"))
                .put("/api/users/" + acmeUser + "/seat").then().statusCode(204);
        HttpStubServer.server().verify(postRequestedFor(urlEqualTo("/internal/seats"))
                .withRequestBody(containing("\"userId\":\"" + acmeUser + "\""))
                .withRequestBody(containing("\"budgetAccountId\":\"" + acme + "\""))
                .withRequestBody(containing("\"givenBy\":\"" + adminSubject + "\"")));
    }

    @Test
    void aPortalAdministratorsSeatIsOutsideAnyBudget() {
        HttpStubServer.server().stubFor(post(urlEqualTo("/internal/seats")).willReturn(aResponse().withStatus(201)));
        String user = Fixtures.user(Fixtures.newSubject(), acme, false);
        given().auth().oauth2(ADMIN).contentType("application/json").body(Map.of("edition", "partner"))
                .put("/api/users/" + user + "/seat").then().statusCode(204);
        HttpStubServer.server().verify(postRequestedFor(urlEqualTo("/internal/seats"))
                .withRequestBody(containing("\"userId\":\"" + user + "\""))
                .withRequestBody(notContaining("budgetAccountId\":\"")));
    }

    @Test
    void licensingServicesRefusalKeepsItsType() {
        HttpStubServer.server().stubFor(post(urlEqualTo("/internal/seats")).willReturn(aResponse().withStatus(409)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"type\":\"urn:portal:problem:seat-budget-exhausted\",\"title\":\"Seat budget exhausted\","
                        + "\"status\":409,\"detail\":\"All 2 customer seats of your account's budget are given\"}")));
        given().auth().oauth2(acmeAdmin).contentType("application/json").body(Map.of("edition", "customer"))
                .put("/api/users/" + acmeUser + "/seat").then().statusCode(409)
                .body("type", endsWith(":seat-budget-exhausted"));
    }

    @Test
    void anInvitationWithASeatNeedsABudgetOfItsEdition() {
        HttpStubServer.server().stubFor(get(urlEqualTo("/internal/seats/budgets/" + acme)).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("[{\"accountId\":\"" + acme + "\",\"edition\":\"customer\",\"seats\":3,\"used\":1}]")));
        given().auth().oauth2(acmeAdmin).contentType("application/json")
                .body(Map.of("email", Fixtures.newSubject() + "@acme.test", "displayName", "Pat", "accountId", acme,
                        "edition", "partner"))
                .post("/api/invitations").then().statusCode(403).body("type", endsWith(":no-seat-budget"));
        given().auth().oauth2(acmeAdmin).get("/api/accounts/" + acme + "/seat-budgets").then().statusCode(200)
                .body("[0].edition", org.hamcrest.Matchers.equalTo("customer"));
    }

    @Test
    void anotherAccountsBudgetIsNotFound() {
        String globex = Fixtures.account("Globex");
        given().auth().oauth2(acmeAdmin).get("/api/accounts/" + globex + "/seat-budgets").then().statusCode(404);
    }

    @Test
    void takingBackNamesTheBudget() {
        HttpStubServer.server()
                .stubFor(delete(urlPathEqualTo("/internal/seats/" + acmeUser)).willReturn(aResponse().withStatus(204)));
        given().auth().oauth2(acmeAdmin).delete("/api/users/" + acmeUser + "/seat").then().statusCode(204);
        HttpStubServer.server().verify(deleteRequestedFor(urlPathEqualTo("/internal/seats/" + acmeUser))
                .withQueryParam("budgetAccountId", equalTo(acme)).withQueryParam("takenBy", equalTo(adminSubject)));
    }
}
