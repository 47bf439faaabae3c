package org.portal.sections.approvals;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.portal.sections.People.created;

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
import org.portal.sections.People;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class ApprovalsTest {

    private static final Map<String, Object> ORDER = Map.of("number", "PO-77", "amount", 1200, "currency", "EUR");

    UUID account;
    People.Person carla;
    People.Person ann;
    People.Person bob;
    String order;

    @BeforeEach
    void setUp() {
        account = UUID.randomUUID();
        carla = People.portalUser(account, "account");
        ann = People.portalUser(account, "account");
        bob = People.portalUser(account, "account");
        order = created(carla.token(), "orders", ORDER);
    }

    @Test
    void whenAllApproveTheRecordMovesOn() {
        send(carla.token(), "orders", order, List.of(ann.userId(), bob.userId())).statusCode(201)
                .body("state", equalTo("pending")).body("approvals", hasSize(2));
        assertEquals("awaiting-approval", status());
        String annsApproval = openApprovals(ann).body("items", hasSize(1)).extract().path("items[0].id");
        decide(ann, annsApproval, "approve", null).statusCode(200).body("state", equalTo("pending"));
        assertEquals("awaiting-approval", status());
        String bobsApproval = openApprovals(bob).extract().path("items[0].id");
        decide(bob, bobsApproval, "approve", "Fine by me").statusCode(200).body("state", equalTo("approved"))
                .body("completedAt", notNullValue());
        assertEquals("submitted", status());
        given().auth().oauth2(carla.token()).get("/api/sections/orders/records/" + order + "/history").then()
                .body("changes.status.to.findAll { it != null }", contains("awaiting-approval", "submitted"))
                .body("actor[-1]", equalTo(bob.subject()));
        openApprovals(ann).body("items", hasSize(0));
    }

    @Test
    void anApproverSeesTheRecordEvenOutsideTheirOwnScope() {
        send(carla.token(), "orders", order, List.of(ann.userId())).statusCode(201);
        openApprovals(ann).body("items[0].record.id", equalTo(order))
                .body("items[0].record.values.number", equalTo("PO-77"))
                .body("items[0].requestedBy", equalTo(carla.subject()));
    }

    @Test
    void oneRejectionMovesTheRecordBackAndClosesTheRequest() {
        send(carla.token(), "orders", order, List.of(ann.userId(), bob.userId())).statusCode(201);
        String bobsApproval = openApprovals(bob).extract().path("items[0].id");
        decide(ann, openApprovals(ann).extract().path("items[0].id"), "reject", "Amount is too high").statusCode(200)
                .body("state", equalTo("rejected"));
        assertEquals("draft", status());
        openApprovals(bob).body("items", hasSize(0));
        decide(bob, bobsApproval, "approve", null).statusCode(409).body("type", equalTo("urn:portal:problem:approval-closed"));
        assertEquals("draft", status());
    }

    @Test
    void aRejectionSaysWhy() {
        send(carla.token(), "orders", order, List.of(ann.userId())).statusCode(201);
        decide(ann, openApprovals(ann).extract().path("items[0].id"), "reject", " ").statusCode(400)
                .body("errors.field", contains("comment"));
        assertEquals("awaiting-approval", status());
    }

    @Test
    void nobodyDecidesTwice() {
        send(carla.token(), "orders", order, List.of(ann.userId(), bob.userId())).statusCode(201);
        String id = openApprovals(ann).extract().path("items[0].id");
        decide(ann, id, "approve", null).statusCode(200);
        decide(ann, id, "reject", "Changed my mind").statusCode(409).body("type", equalTo("urn:portal:problem:already-decided"))
                .body("decision", equalTo("approve"));
        approvalsOf(carla).body("[0].approvals.findAll { it.decision == 'approve' }", hasSize(1))
                .body("[0].state", equalTo("pending"));
    }

    @Test
    void nobodyDecidesSomeoneElsesApproval() {
        send(carla.token(), "orders", order, List.of(ann.userId())).statusCode(201);
        String annsApproval = openApprovals(ann).extract().path("items[0].id");
        decide(bob, annsApproval, "approve", null).statusCode(404);
        decide(carla, annsApproval, "approve", null).statusCode(404);
        assertEquals("awaiting-approval", status());
        approvalsOf(carla).body("[0].approvals[0].decision", nullValue());
    }

    @Test
    void nobodyDecidesOnARecordOutsideTheirAccount() {
        send(carla.token(), "orders", order, List.of(ann.userId())).statusCode(201);
        String annsApproval = openApprovals(ann).extract().path("items[0].id");
        // Ann has since moved to another organization: same portal user, another account.
        People.Person movedAnn = People.portalUser(ann.userId(), UUID.randomUUID(), "account", "active");
        decide(movedAnn, annsApproval, "approve", null).statusCode(403)
                .body("type", equalTo("urn:portal:problem:approval-outside-account"));
        openApprovals(movedAnn).body("items", hasSize(0));
        assertEquals("awaiting-approval", status());
    }

    @Test
    void approversMustBeAbleToReadTheRecordThemselves() {
        People.Person ownScope = People.portalUser(account, "own");
        People.Person withoutOrders = People.portalUser(account, "account");
        People.entitlement(withoutOrders, "self-service", People.grant("cases", "read", "create", "edit"));
        send(carla.token(), "orders", order, List.of(ownScope.userId(), withoutOrders.userId(), ann.userId())).statusCode(400)
                .body("errors.field", contains("approvers[0]", "approvers[1]"));
        assertEquals("draft", status());
    }

    @Test
    void approversAreActivePortalUsersOfTheRecordsAccount() {
        People.Person stranger = People.portalUser(UUID.randomUUID(), "account");
        People.Person blocked = People.portalUser(UUID.randomUUID(), account, "account", "blocked");
        send(carla.token(), "orders", order, List.of(stranger.userId(), UUID.randomUUID(), carla.userId(), blocked.userId(),
                ann.userId(), ann.userId())).statusCode(400)
                .body("errors.field", contains("approvers[0]", "approvers[1]", "approvers[2]", "approvers[3]", "approvers[5]"));
        assertEquals("draft", status());
        approvalsOf(carla).body("", hasSize(0));
    }

    @Test
    void aRecordIsSentOnlyFromTheStatesItsLifecycleNames() {
        given().auth().oauth2(carla.token()).contentType("application/json").body(Map.of("to", "submitted"))
                .post("/api/sections/orders/records/" + order + "/transitions").then().statusCode(200);
        send(carla.token(), "orders", order, List.of(ann.userId())).statusCode(409)
                .body("type", equalTo("urn:portal:problem:approval-not-allowed")).body("state", equalTo("submitted"));
    }

    @Test
    void aRecordAwaitingApprovalIsNotSentAgainNorEdited() {
        send(carla.token(), "orders", order, List.of(ann.userId())).statusCode(201);
        send(carla.token(), "orders", order, List.of(bob.userId())).statusCode(409);
        given().auth().oauth2(carla.token()).contentType("application/json").header("If-Match", "\"1\"")
                .body(Map.of("values", Map.of("amount", 1))).patch("/api/sections/orders/records/" + order).then()
                .statusCode(409).body("type", equalTo("urn:portal:problem:record-locked"));
        given().auth().oauth2(carla.token()).contentType("application/json").body(Map.of("to", "cancelled"))
                .post("/api/sections/orders/records/" + order + "/transitions").then().statusCode(409);
    }

    @Test
    void aSectionWithoutApprovalsRefusesToSend() {
        String caseId = created(carla.token(), "cases", Map.of("subject", "Help"));
        send(carla.token(), "cases", caseId, List.of(ann.userId())).statusCode(409)
                .body("type", equalTo("urn:portal:problem:approval-not-allowed"));
    }

    @Test
    void anotherAccountNeitherSendsNorFollowsOurRecord() {
        People.Person mallory = People.portalUser(UUID.randomUUID(), "account");
        send(mallory.token(), "orders", order, List.of(ann.userId())).statusCode(404);
        send(carla.token(), "orders", order, List.of(ann.userId())).statusCode(201);
        given().auth().oauth2(mallory.token()).get("/api/sections/orders/records/" + order + "/approvals").then()
                .statusCode(404);
    }

    @Test
    void anAgentSendsARecordOfAnAccount() {
        String request = created(carla.token(), "financial-product-requests",
                Map.of("product-type", "mortgage", "amount", 250000, "currency", "EUR"));
        send(People.AGENT, "financial-product-requests", request, List.of(ann.userId())).statusCode(201)
                .body("requestedBy", equalTo("agent-1"));
        decide(ann, openApprovals(ann).extract().path("items[0].id"), "approve", null).statusCode(200);
        given().auth().oauth2(People.AGENT).get("/api/sections/financial-product-requests/records/" + request).then()
                .body("status", equalTo("submitted"));
    }

    @Test
    void staffHaveNoApprovalsOfTheirOwn() {
        given().auth().oauth2(People.AGENT).get("/api/approvals").then().statusCode(403);
    }

    @Test
    void ofApproversDecidingAtOnceTheLastCompletesTheRequestOnce() throws Exception {
        List<People.Person> approvers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            approvers.add(People.portalUser(account, "account"));
        }
        send(carla.token(), "orders", order, approvers.stream().map(People.Person::userId).toList()).statusCode(201);
        List<Callable<Integer>> calls = new ArrayList<>();
        for (People.Person approver : approvers) {
            String id = openApprovals(approver).extract().path("items[0].id");
            calls.add(() -> decide(approver, id, "approve", null).extract().statusCode());
        }
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            for (Future<Integer> result : pool.invokeAll(calls)) {
                assertEquals(200, result.get());
            }
        } finally {
            pool.shutdown();
        }
        assertEquals("submitted", status());
        approvalsOf(carla).body("[0].state", equalTo("approved"))
                .body("[0].approvals.decision",
                        containsInAnyOrder("approve", "approve", "approve", "approve", "approve", "approve"));
        given().auth().oauth2(carla.token()).get("/api/sections/orders/records/" + order + "/history").then()
                .body("findAll { it.action == 'transition' }", hasSize(2));
    }

    private String status() {
        return given().auth().oauth2(carla.token()).get("/api/sections/orders/records/" + order).then().statusCode(200)
                .extract().path("status");
    }

    private static ValidatableResponse send(String token, String section, String id, List<UUID> approvers) {
        return given().auth().oauth2(token).contentType("application/json")
                .body(Map.of("approvers", approvers, "message", "Please check"))
                .post("/api/sections/" + section + "/records/" + id + "/approvals").then();
    }

    private static ValidatableResponse openApprovals(People.Person person) {
        return given().auth().oauth2(person.token()).get("/api/approvals").then().statusCode(200);
    }

    private ValidatableResponse approvalsOf(People.Person person) {
        return given().auth().oauth2(person.token()).get("/api/sections/orders/records/" + order + "/approvals").then()
                .statusCode(200);
    }

    private static ValidatableResponse decide(People.Person person, String id, String decision, String comment) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("decision", decision));
        if (comment != null) {
            body.put("comment", comment);
        }
        return given().auth().oauth2(person.token()).contentType("application/json").body(body)
                .post("/api/approvals/" + id + "/decision").then();
    }
}
