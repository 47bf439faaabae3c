package org.portal.sections.definitions;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.portal.sections.People.grant;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.portal.sections.People;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * sections-service enforces the editions itself, whoever reaches it: a portal user may do on a
 * section only what their edition grants, with the gateway's answers (same status and problem type).
 */
@QuarkusTest
class EditionGrantsTest {

    private static final String SECTION_NOT_GRANTED = "urn:portal:problem:section-not-granted";

    /** A Self-service user as licensing-service describes one: knowledge base R, cases RCE. */
    private static People.Person selfService(UUID account) {
        People.Person person = People.portalUser(account, "account");
        People.entitlement(person, "self-service", grant("knowledge-base", "read"), grant("cases", "read", "create", "edit"));
        return person;
    }

    private static void refused(ValidatableResponse response, String section, String operation) {
        response.statusCode(403).contentType("application/problem+json")
                .body("type", equalTo(SECTION_NOT_GRANTED))
                .body("section", equalTo(section))
                .body("operation", equalTo(operation));
    }

    @Test
    void aSectionTheEditionLacksIsRefusedForEveryOperationAndNothingIsCreated() {
        UUID account = UUID.randomUUID();
        People.Person sam = selfService(account);
        refused(People.create(sam.token(), "leads", Map.of("values", Map.of("title", "Not mine to make"))), "leads", "create");
        refused(given().auth().oauth2(sam.token()).get("/api/sections/leads/records").then(), "leads", "read");

        People.Person partner = People.portalUser(account, "account");
        given().auth().oauth2(partner.token()).get("/api/sections/leads/records").then().statusCode(200)
                .body("items", equalTo(List.of()));
    }

    @Test
    void theCallerIsWeighedBeforeTheirInput() {
        People.Person sam = selfService(UUID.randomUUID());
        refused(given().auth().oauth2(sam.token()).contentType("application/json").body("{}")
                .post("/api/sections/leads/records").then(), "leads", "create");
        refused(given().auth().oauth2(sam.token()).contentType("application/json").body("{}")
                .patch("/api/sections/leads/records/" + UUID.randomUUID()).then(), "leads", "edit");
        refused(given().auth().oauth2(sam.token()).get("/api/sections/leads").then(), "leads", "read");
    }

    @Test
    void anOperationTheEditionLacksIsRefusedOnTheRecordAndItsProcess() {
        UUID account = UUID.randomUUID();
        People.Person writer = People.portalUser(account, "account");
        String id = People.created(writer.token(), "cases", Map.of("subject", "Printer on fire"));
        People.Person reader = People.portalUser(account, "account");
        People.entitlement(reader, "customer", grant("cases", "read"));
        String record = "/api/sections/cases/records/" + id;

        given().auth().oauth2(reader.token()).get(record).then().statusCode(200);
        refused(given().auth().oauth2(reader.token()).contentType("application/json")
                .body(Map.of("values", Map.of("subject", "Changed"))).patch(record).then(), "cases", "edit");
        refused(given().auth().oauth2(reader.token()).contentType("application/json").body(Map.of("body", "Hello"))
                .post(record + "/comments").then(), "cases", "edit");
        refused(given().auth().oauth2(reader.token()).contentType("application/json").body(Map.of("to", "cancelled"))
                .post(record + "/transitions").then(), "cases", "edit");
        refused(People.create(reader.token(), "cases", Map.of("values", Map.of("subject", "New"))), "cases", "create");
        given().auth().oauth2(writer.token()).get(record).then().statusCode(200).body("values.subject",
                equalTo("Printer on fire"));
    }

    @Test
    void noEditionGrantsTheCoreSectionsToPortalUsers() {
        People.Person partner = People.portalUser(UUID.randomUUID(), "account");
        refused(People.create(partner.token(), "accounts", Map.of("values", Map.of("name", "Initech"))), "accounts", "create");
        refused(given().auth().oauth2(partner.token()).get("/api/sections/contacts/records").then(), "contacts", "read");
        given().auth().oauth2(People.AGENT).get("/api/sections/contacts/records").then().statusCode(200);
    }

    @Test
    void aCustomSectionReachesOnlyTheEditionsItWasMadeFor() {
        String code = "c" + UUID.randomUUID().toString().substring(0, 8);
        People.customSectionLimits();
        given().auth().oauth2(People.ADMIN).contentType("application/json")
                .body(Map.of("code", code, "title", "Warranty claims", "editions", List.of("customer"),
                        "fields", List.of(Map.of("name", "name", "type", "text", "required", true))))
                .post("/api/admin/sections").then().statusCode(201);
        UUID account = UUID.randomUUID();
        People.Person customer = People.customer(account);
        People.Person partner = People.portalUser(account, "account");

        People.created(customer.token(), code, Map.of("name", "Broken hinge"));
        refused(People.create(partner.token(), code, Map.of("values", Map.of("name", "Not for partners"))), code, "create");
    }

    @Test
    void withoutASeatEveryRecordCallAndTheApprovalsAreRefused() {
        People.Person nobody = People.portalUser(UUID.randomUUID(), "account");
        People.noSeat(nobody);
        given().auth().oauth2(nobody.token()).get("/api/sections/cases/records").then().statusCode(403)
                .body("type", equalTo("urn:portal:problem:no-seat"));
        given().auth().oauth2(nobody.token()).get("/api/approvals").then().statusCode(403)
                .body("type", equalTo("urn:portal:problem:no-seat"));
        given().auth().oauth2(nobody.token()).get("/api/sections/knowledge-base/records").then().statusCode(403)
                .body("type", equalTo("urn:portal:problem:no-seat"));
    }

    @Test
    void aBlockedUserIsRefusedAsTheGatewayRefusesThem() {
        People.Person blocked = People.portalUser(UUID.randomUUID(), UUID.randomUUID(), "account", "blocked");
        given().auth().oauth2(blocked.token()).get("/api/sections/cases/records").then().statusCode(403)
                .body("type", equalTo("urn:portal:problem:user-not-active"));
    }
}
