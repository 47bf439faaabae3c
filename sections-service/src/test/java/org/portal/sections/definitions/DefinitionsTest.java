package org.portal.sections.definitions;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.portal.sections.People.created;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.portal.sections.People;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class DefinitionsTest {

    /**
     * The catalogue as licensing-service serves it, except that the customer edition's limit is
     * raised here: the tests share one database and several define customer sections, while the
     * limit itself is tested on the partner edition, which only that test uses.
     */
    @BeforeEach
    void catalogue() {
        People.customSectionLimits();
    }

    private static Map<String, Object> custom(String code, String... editions) {
        return Map.of("code", code, "title", "Custom " + code, "editions", List.of(editions),
                "fields", List.of(Map.of("name", "name", "type", "text", "required", true, "sortable", true)));
    }

    @Test
    void theBaseSectionsAreThoseOfTheProductTableInTheirModules() {
        given().auth().oauth2(People.ADMIN).get("/api/admin/sections").then().statusCode(200)
                .body("findAll { !it.custom }.collect { it.code + ':' + it.module }", containsInAnyOrder(
                        "accounts:core", "contacts:core", "knowledge-base:core", "cases:service", "leads:sales",
                        "opportunities:sales", "orders:sales", "documents:sales", "marketing-activities:marketing",
                        "financial-product-requests:bank-customer-journey", "contracts:bank-customer-journey"));
    }

    @Test
    void aCaseHasSubjectDescriptionPriorityAndCategory() {
        given().auth().oauth2(People.ADMIN).get("/api/admin/sections/cases").then().statusCode(200)
                .body("fields.name", containsInAnyOrder("subject", "description", "priority", "category"))
                .body("fields.find { it.name == 'priority' }.values", containsInAnyOrder("low", "medium", "high", "critical"));
    }

    @Test
    void eachEditionHasAtMostThreeCustomSections() {
        String prefix = "c" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 1; i <= 3; i++) {
            given().auth().oauth2(People.ADMIN).contentType("application/json").body(custom(prefix + "-" + i, "partner"))
                    .post("/api/admin/sections").then().statusCode(201);
        }
        given().auth().oauth2(People.ADMIN).contentType("application/json").body(custom(prefix + "-4", "partner"))
                .post("/api/admin/sections").then().statusCode(409)
                .body("type", equalTo("urn:portal:problem:custom-section-limit"))
                .body("detail", equalTo("The partner edition allows 3 custom sections and has 3 already"));
        given().auth().oauth2(People.ADMIN).get("/api/admin/sections/" + prefix + "-4").then().statusCode(404);
    }

    @Test
    void aCustomSectionsEditionsAreTheCatalogues() {
        given().auth().oauth2(People.ADMIN).contentType("application/json").body(custom("kiosk", "customer", "platinum"))
                .post("/api/admin/sections").then().statusCode(400)
                .body("errors[0].field", equalTo("editions[1]"))
                .body("errors[0].message", equalTo("no edition platinum in the licensing catalogue"));
    }

    @Test
    void aCustomSectionIsNeverForSelfService() {
        given().auth().oauth2(People.ADMIN).contentType("application/json").body(custom("kiosk", "self-service"))
                .post("/api/admin/sections").then().statusCode(400)
                .body("errors.field", hasItem("editions[0]"))
                .body("errors.message", hasItem("the self-service edition takes no custom sections"));
    }

    @Test
    void theGatewayLearnsEachCustomSectionsEditions() {
        String code = "c" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(People.ADMIN).contentType("application/json").body(custom(code, "customer"))
                .post("/api/admin/sections").then().statusCode(201);
        given().auth().oauth2(org.portal.testsupport.TestTokens.of("gateway", "portal-service")).get("/internal/sections")
                .then().statusCode(200).body("find { it.code == '" + code + "' }.editions", containsInAnyOrder("customer"));
    }

    /** What portal-users-service checks list-column preferences against: a section's own properties and its fields. */
    @Test
    void eachSectionsListColumnsAreItsPropertiesAndFields() {
        String code = "c" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(People.ADMIN).contentType("application/json").body(custom(code, "customer"))
                .post("/api/admin/sections").then().statusCode(201);
        String service = org.portal.testsupport.TestTokens.of("portal-users", "portal-service");
        given().auth().oauth2(service).get("/internal/sections/columns").then().statusCode(200)
                .body("find { it.code == '" + code + "' }.columns", contains("createdAt", "updatedAt", "name"))
                .body("find { it.code == 'cases' }.columns", hasItems("status", "createdAt", "subject", "priority"));
        given().auth().oauth2(People.ADMIN).get("/internal/sections/columns").then().statusCode(403);
    }

    @Test
    void addingAFieldKeepsTheRecordsAndRemovingOneThatHoldsDataNeedsForce() {
        String code = "c" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(People.ADMIN).contentType("application/json").body(custom(code, "customer"))
                .post("/api/admin/sections").then().statusCode(201);
        People.Person carla = People.customer(UUID.randomUUID());
        String id = created(carla.token(), code, Map.of("name", "First"));

        Map<String, Object> withNote = Map.of("title", "Custom", "fields", List.of(
                Map.of("name", "name", "type", "text", "required", true),
                Map.of("name", "note", "type", "long-text")));
        given().auth().oauth2(People.ADMIN).contentType("application/json").body(withNote)
                .put("/api/admin/sections/" + code).then().statusCode(200);
        given().auth().oauth2(carla.token()).get("/api/sections/" + code + "/records/" + id).then().statusCode(200)
                .body("values.name", equalTo("First"));

        Map<String, Object> withoutName = Map.of("title", "Custom", "fields",
                List.of(Map.of("name", "note", "type", "long-text")));
        given().auth().oauth2(People.ADMIN).contentType("application/json").body(withoutName)
                .put("/api/admin/sections/" + code).then().statusCode(409)
                .body("type", equalTo("urn:portal:problem:field-holds-data"));
        given().auth().oauth2(People.ADMIN).contentType("application/json").body(withoutName)
                .put("/api/admin/sections/" + code + "?force=true").then().statusCode(200)
                .body("fields.name", not(hasItem("name")));
        given().auth().oauth2(carla.token()).get("/api/sections/" + code + "/records/" + id).then().statusCode(200)
                .body("values.name", nullValue());
        given().auth().oauth2(carla.token()).get("/api/sections/" + code + "/records/" + id + "/history").then()
                .body("action", hasItem("field-removed"));
    }

    @Test
    void retypingAFieldThatHoldsDataIsRefused() {
        String code = "c" + UUID.randomUUID().toString().substring(0, 8);
        given().auth().oauth2(People.ADMIN).contentType("application/json").body(custom(code, "customer"))
                .post("/api/admin/sections").then().statusCode(201);
        People.Person carla = People.customer(UUID.randomUUID());
        created(carla.token(), code, Map.of("name", "First"));
        given().auth().oauth2(People.ADMIN).contentType("application/json")
                .body(Map.of("title", "Custom", "fields", List.of(Map.of("name", "name", "type", "number"))))
                .put("/api/admin/sections/" + code).then().statusCode(409);
    }

    @Test
    void aDefinitionWithInconsistentFieldsIsRefused() {
        given().auth().oauth2(People.ADMIN).contentType("application/json")
                .body(Map.of("code", "broken", "title", "Broken", "editions", List.of("customer"), "fields", List.of(
                        Map.of("name", "kind", "type", "enumeration"),
                        Map.of("name", "kind", "type", "text"),
                        Map.of("name", "link", "type", "reference", "target", "nowhere"))))
                .post("/api/admin/sections").then().statusCode(400)
                .body("errors.field", containsInAnyOrder("fields[0].values", "fields[1].name", "fields[2].target"));
    }

    /** A field named like one of the record list's parameters could never be filtered on. */
    @Test
    void aFieldMayNotTakeTheNameOfAListParameter() {
        given().auth().oauth2(People.ADMIN).contentType("application/json")
                .body(Map.of("code", "shadowed", "title", "Shadowed", "editions", List.of("customer"), "fields", List.of(
                        Map.of("name", "sort", "type", "text"), Map.of("name", "limit", "type", "number"),
                        Map.of("name", "q", "type", "text"), Map.of("name", "cursor", "type", "text"))))
                .post("/api/admin/sections").then().statusCode(400)
                .body("errors.field",
                        containsInAnyOrder("fields[0].name", "fields[1].name", "fields[2].name", "fields[3].name"));
    }

    @Test
    void aPortalUserListsTheSectionsTheirEntitlementGrants() {
        People.Person carla = People.customer(UUID.randomUUID());
        People.entitlement(carla, "self-service", "{\"code\":\"knowledge-base\",\"operations\":[\"read\"]}",
                "{\"code\":\"cases\",\"operations\":[\"read\",\"create\",\"edit\"]}");
        given().auth().oauth2(carla.token()).get("/api/sections").then().statusCode(200)
                .body("code", containsInAnyOrder("knowledge-base", "cases"));
    }

    @Test
    void onlyAdministratorsDefineSections() {
        given().auth().oauth2(People.AGENT).contentType("application/json").body(custom("agents-own", "customer"))
                .post("/api/admin/sections").then().statusCode(403);
    }
}
