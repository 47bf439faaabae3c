package org.portal.licensing.settings;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.portal.licensing.VendorKeyResource.signed;
import static org.portal.licensing.VendorKeyResource.terms;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.portal.events.ChangeEventPublisher;
import org.portal.testsupport.ChannelListener;
import org.portal.testsupport.TestTokens;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;

/** Operators change an edition's daily limit and a product's modules through the API; holders feel it at once. */
@QuarkusTest
class CatalogueSettingsTest {

    private static final String ADMIN = TestTokens.of("admin-1", "portal-admin");
    private static final String SERVICE = TestTokens.of("service-sections", "portal-service");

    @Inject
    RedisDataSource redis;

    @ConfigProperty(name = "portal.redis-namespace")
    String namespace;

    private static String license(String edition, String product) {
        String id = "lic-" + UUID.randomUUID();
        given().auth().oauth2(ADMIN).contentType("text/plain").body(signed(terms(id, edition, product, 100, 5)))
                .post("/api/licensing/licenses").then().statusCode(201);
        return id;
    }

    private static void setLimit(String edition, int limit, int status) {
        given().auth().oauth2(ADMIN).contentType("application/json").body(Map.of("dailyCallLimit", limit))
                .put("/api/licensing/catalogue/editions/" + edition + "/daily-call-limit").then().statusCode(status);
    }

    @Test
    void aNewDailyLimitReachesHoldersAnnouncedAndAudited() throws Exception {
        String license = license("partner", "crm-bundle");
        UUID user = UUID.randomUUID();
        given().auth().oauth2(ADMIN).contentType("application/json").body(Map.of("userId", user))
                .post("/api/licensing/licenses/" + license + "/seats").then().statusCode(201);
        try (ChannelListener changes = ChannelListener.listen(redis, ChangeEventPublisher.channel(namespace))) {
            setLimit("partner", 1500, 200);
            assertNotNull(changes.await(m -> m.contains("license-changed") && m.contains(license), 5000),
                    "no license-changed for " + license);
            given().auth().oauth2(SERVICE).get("/internal/users/" + user + "/entitlement").then().statusCode(200)
                    .body("dailyCallLimit", equalTo(1500));
            given().auth().oauth2(SERVICE).get("/internal/audit?target=partner&action=catalogue.daily-call-limit-changed")
                    .then().statusCode(200)
                    .body("items[0].actor", equalTo("admin-1"))
                    .body("items[0].before.dailyCallLimit", equalTo(1000))
                    .body("items[0].after.dailyCallLimit", equalTo(1500));
        } finally {
            setLimit("partner", 1000, 200);
        }
    }

    @Test
    void onlyPortalAdministratorsSetLimitsAndOnlyToSensibleValues() {
        given().auth().oauth2(TestTokens.of("agent-1", "portal-agent")).contentType("application/json")
                .body(Map.of("dailyCallLimit", 5)).put("/api/licensing/catalogue/editions/customer/daily-call-limit")
                .then().statusCode(403);
        setLimit("customer", 0, 400);
        setLimit("no-such-edition", 10, 404);
    }

    @Test
    void aProductsModulesChangeAndUnknownModulesAreRefused() {
        given().auth().oauth2(ADMIN).contentType("application/json").body(Map.of("modules", List.of("core", "warp-drive")))
                .put("/api/licensing/catalogue/products/sales/modules").then().statusCode(400)
                .body("errors[0].field", equalTo("modules"));
        try {
            given().auth().oauth2(ADMIN).contentType("application/json")
                    .body(Map.of("modules", List.of("core", "sales", "service")))
                    .put("/api/licensing/catalogue/products/sales/modules").then().statusCode(200)
                    .body("modules", containsInAnyOrder("core", "sales", "service"));
            given().auth().oauth2(SERVICE).get("/internal/audit?target=sales&action=catalogue.product-modules-changed")
                    .then().statusCode(200)
                    .body("items[0].before.modules", containsInAnyOrder("core", "sales"))
                    .body("items[0].after.modules", containsInAnyOrder("core", "sales", "service"));
        } finally {
            given().auth().oauth2(ADMIN).contentType("application/json").body(Map.of("modules", List.of("core", "sales")))
                    .put("/api/licensing/catalogue/products/sales/modules").then().statusCode(200);
        }
    }
}
