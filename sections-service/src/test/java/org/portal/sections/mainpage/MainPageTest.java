package org.portal.sections.mainpage;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.portal.sections.People.created;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.portal.sections.People;
import org.portal.testsupport.HttpStubServer;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class MainPageTest {

    private static final String KB = "{\"code\":\"knowledge-base\",\"operations\":[\"read\"]}";
    private static final String CASES = "{\"code\":\"cases\",\"operations\":[\"create\",\"edit\",\"read\"]}";
    private static final String FPR = "{\"code\":\"financial-product-requests\",\"operations\":[\"create\",\"edit\",\"read\"]}";
    private static final List<String> EDITIONS = List.of("self-service", "customer", "partner");

    private final Map<String, Object> saved = new HashMap<>();

    /** The catalogue's grants of docs/product-rules.md, and the custom-section limits DefinitionsTest also serves. */
    @BeforeEach
    void catalogueAndPages() {
        HttpStubServer.server().stubFor(get(urlEqualTo("/api/licensing/catalogue")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("""
                        {"editions":[
                          {"code":"self-service","customSectionLimit":0,"grants":{"knowledge-base":["read"],
                            "cases":["create","edit","read"]}},
                          {"code":"customer","customSectionLimit":100,"grants":{"knowledge-base":["read"],
                            "cases":["create","edit","read"],"financial-product-requests":["create","edit","read"],
                            "contracts":["create","edit","read"]}},
                          {"code":"partner","customSectionLimit":3,"grants":{"knowledge-base":["read"],
                            "cases":["create","edit","read"],"leads":["create","edit","read"],
                            "opportunities":["create","edit","read"],"orders":["create","edit","read"],
                            "documents":["create","edit","read"],"marketing-activities":["create","edit","read"]}},
                          {"code":"enterprise","customSectionLimit":0,"grants":{"knowledge-base":["read"]}}]}""")));
        for (String edition : EDITIONS) {
            saved.put(edition, admin(edition).extract().path("widgets"));
        }
    }

    @AfterEach
    void restorePages() {
        saved.forEach((edition, widgets) -> put(edition, widgets).statusCode(200));
    }

    @Test
    void eachEditionStartsWithItsOwnPage() {
        page(user("self-service", KB, CASES)).body("edition", equalTo("self-service"))
                .body("widgets.widget.type", contains("knowledge-search", "popular-articles", "my-open-cases"));
        page(user("customer", KB, CASES, FPR)).body("edition", equalTo("customer"))
                .body("widgets.widget.type", contains("knowledge-search", "my-pending-approvals", "my-open-cases",
                        "popular-articles"));
    }

    @Test
    void anAdministratorConfiguresOneEditionsPage() {
        put("customer", List.of(
                Map.of("type", "announcement", "title", "News", "text", "Branches close at noon on Friday"),
                Map.of("type", "links", "links", List.of(Map.of("label", "Rates", "url", "https://bank.example/rates"))),
                Map.of("type", "popular-articles", "limit", 3))).statusCode(200)
                .header("ETag", equalTo("\"" + ((int) admin("customer").extract().path("version")) + "\""))
                .body("updatedBy", equalTo("admin-1"));
        page(user("customer", KB, CASES, FPR))
                .body("widgets.widget.type", contains("announcement", "links", "popular-articles"))
                .body("widgets[0].widget.text", equalTo("Branches close at noon on Friday"))
                .body("widgets[1].widget.links[0].url", equalTo("https://bank.example/rates"))
                .body("widgets[0].data", nullValue());
        page(user("self-service", KB, CASES))
                .body("widgets.widget.type", contains("knowledge-search", "popular-articles", "my-open-cases"));
    }

    @Test
    void everyBadWidgetIsListedAndNothingChanges() {
        int version = admin("customer").extract().path("version");
        put("customer", List.of(
                Map.of("type", "announcement", "text", ""),
                Map.of("type", "popular-articles", "limit", 50),
                Map.of("type", "links", "links", List.of(Map.of("label", "Evil", "url", "javascript:alert(1)")))))
                .statusCode(400)
                .body("type", equalTo("urn:portal:problem:validation"))
                .body("errors.field", containsInAnyOrder("widgets[0].text", "widgets[1].limit", "widgets[2].links[0].url"));
        put("customer", List.of(Map.of("type", "weather"))).statusCode(400).body("errors.field", contains("widgets[0].type"));
        put("customer", List.of(Map.of("type", "links", "limit", 3))).statusCode(400)
                .body("errors.field", containsInAnyOrder("widgets[0].limit", "widgets[0].links"));
        admin("customer").body("version", equalTo(version));
    }

    @Test
    void aWidgetMustMakeSenseForTheEdition() {
        put("self-service", List.of(Map.of("type", "my-open-cases"), Map.of("type", "my-pending-approvals"))).statusCode(400)
                .body("errors.field", contains("widgets[1]"))
                .body("errors[0].message", equalTo("no section of the self-service edition is sent for approval"));
    }

    @Test
    void myOpenCasesAreMineAndStillOpen() {
        UUID account = UUID.randomUUID();
        People.Person carla = user(account, "self-service", KB, CASES);
        People.Person colleague = People.portalUser(account, "account");
        String open = created(carla.token(), "cases", Map.of("subject", "Still broken"));
        String cancelled = created(carla.token(), "cases", Map.of("subject", "Never mind"));
        given().auth().oauth2(carla.token()).contentType("application/json").body(Map.of("to", "cancelled"))
                .post("/api/sections/cases/records/" + cancelled + "/transitions").then().statusCode(200);
        created(colleague.token(), "cases", Map.of("subject", "Someone else's"));
        page(carla).body("widgets.find { it.widget.type == 'my-open-cases' }.data.items.id", contains(open))
                .body("widgets.find { it.widget.type == 'my-open-cases' }.data.open", equalTo(1));
    }

    @Test
    void myPendingApprovalsAreCounted() {
        UUID account = UUID.randomUUID();
        People.Person anna = user(account, "customer", KB, CASES, FPR);
        People.Person carla = People.portalUser(account, "account");
        for (int i = 0; i < 2; i++) {
            String request = created(carla.token(), "financial-product-requests",
                    Map.of("product-type", "loan", "amount", 1000 + i, "currency", "EUR"));
            given().auth().oauth2(carla.token()).contentType("application/json")
                    .body(Map.of("approvers", List.of(anna.userId())))
                    .post("/api/sections/financial-product-requests/records/" + request + "/approvals").then().statusCode(201);
        }
        put("customer", List.of(Map.of("type", "my-pending-approvals", "limit", 1))).statusCode(200);
        page(anna).body("widgets[0].data.items", hasSize(1)).body("widgets[0].data.open", equalTo(2));
    }

    @Test
    void aWidgetForASectionTheUserLacksIsLeftOut() {
        // A customer portal on the sales product: knowledge base, but no cases.
        page(user("customer", KB)).body("widgets.widget.type", contains("knowledge-search", "my-pending-approvals",
                "popular-articles"));
    }

    @Test
    void aPortalUserWithoutSeatHasNoPage() {
        People.Person seatless = People.portalUser(UUID.randomUUID(), "account");
        HttpStubServer.server().stubFor(get(urlEqualTo("/internal/users/" + seatless.userId() + "/entitlement"))
                .willReturn(aResponse().withStatus(404)));
        given().auth().oauth2(seatless.token()).get("/api/main-page").then().statusCode(403)
                .body("type", equalTo("urn:portal:problem:no-seat"));
    }

    @Test
    void staffPreviewAnEditionsPage() {
        given().auth().oauth2(People.ADMIN).get("/api/main-page").then().statusCode(400)
                .body("errors.field", contains("edition"));
        given().auth().oauth2(People.ADMIN).queryParam("edition", "partner").get("/api/main-page").then().statusCode(200)
                .body("edition", equalTo("partner"))
                .body("widgets.find { it.widget.type == 'my-open-cases' }.data", nullValue());
    }

    @Test
    void aStaleVersionIsRefused() {
        int version = admin("partner").extract().path("version");
        given().auth().oauth2(People.ADMIN).contentType("application/json").header("If-Match", "\"" + (version + 1) + "\"")
                .body(Map.of("widgets", List.of(Map.of("type", "knowledge-search")))).put("/api/admin/main-page/partner").then()
                .statusCode(412);
    }

    @Test
    void onlyAdministratorsConfigurePages() {
        given().auth().oauth2(People.AGENT).contentType("application/json").body(Map.of("widgets", List.of()))
                .put("/api/admin/main-page/partner").then().statusCode(403);
        given().auth().oauth2(People.ADMIN).get("/api/admin/main-page/gold").then().statusCode(404);
    }

    private static People.Person user(String edition, String... grants) {
        return user(UUID.randomUUID(), edition, grants);
    }

    private static People.Person user(UUID account, String edition, String... grants) {
        People.Person person = People.portalUser(account, "account");
        People.entitlement(person, edition, grants);
        return person;
    }

    private static ValidatableResponse page(People.Person person) {
        return given().auth().oauth2(person.token()).get("/api/main-page").then().statusCode(200);
    }

    @Test
    void editionsAreTheCataloguesAnEditionWithoutAPageGetsAnEmptyOneKeptWhenSaved() {
        String edition = "enterprise";
        admin(edition).body("widgets", org.hamcrest.Matchers.hasSize(0));
        put(edition, List.of(Map.of("type", "knowledge-search"))).statusCode(200);
        admin(edition).body("widgets[0].type", equalTo("knowledge-search"));
        put(edition, List.of()).statusCode(200);
        given().auth().oauth2(People.ADMIN).get("/api/admin/main-page/no-such-edition").then().statusCode(404)
                .body("detail", equalTo("No edition no-such-edition in the licensing catalogue"));
    }

    private static ValidatableResponse admin(String edition) {
        return given().auth().oauth2(People.ADMIN).get("/api/admin/main-page/" + edition).then().statusCode(200);
    }

    private static ValidatableResponse put(String edition, Object widgets) {
        return given().auth().oauth2(People.ADMIN).contentType("application/json").body(Map.of("widgets", widgets))
                .put("/api/admin/main-page/" + edition).then();
    }
}
