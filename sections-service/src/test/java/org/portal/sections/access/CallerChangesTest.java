package org.portal.sections.access;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.portal.sections.People.created;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.awaitility.Awaitility;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Test;
import org.portal.events.ChangeEventPublisher;
import org.portal.sections.People;
import org.portal.testsupport.HttpStubServer;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;

/** What sections-service caches about a caller is dropped as soon as the change event arrives. */
@QuarkusTest
class CallerChangesTest {

    private static final String KB = "{\"code\":\"knowledge-base\",\"operations\":[\"read\"]}";

    @Inject
    RedisDataSource redis;

    @ConfigProperty(name = "portal.redis-namespace")
    String namespace;

    @Test
    void aUserMovedToAnotherAccountNoLongerReachesTheOldOne() {
        People.Person carla = People.portalUser(UUID.randomUUID(), "account");
        String id = created(carla.token(), "cases", Map.of("subject", "Mine while at Acme"));
        String path = "/api/sections/cases/records/" + id;
        Assertions.assertEquals(200, given().auth().oauth2(carla.token()).get(path).statusCode());

        HttpStubServer.server().stubFor(get(urlEqualTo("/internal/subjects/" + carla.subject())).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "application/json").withBody("""
                        {"userId":"%s","accountId":"%s","status":"active","accessScope":"account"}
                        """.formatted(carla.userId(), UUID.randomUUID()))));
        redis.pubsub(String.class).publish(ChangeEventPublisher.channel(namespace),
                "{\"kind\":\"user-changed\",\"userId\":\"" + carla.userId() + "\",\"subject\":\"" + carla.subject() + "\"}");
        Awaitility.await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(25))
                .until(() -> given().auth().oauth2(carla.token()).get(path).statusCode(), equalTo(404));
    }

    @Test
    void aSeatOfAnotherEditionShowsItsMainPageAsSoonAsSeatChangedArrives() {
        People.Person carla = People.portalUser(UUID.randomUUID(), "account");
        People.entitlement(carla, "self-service", KB);
        given().auth().oauth2(carla.token()).get("/api/main-page").then().statusCode(200).body("edition",
                equalTo("self-service"));

        People.entitlement(carla, "customer", KB);
        redis.pubsub(String.class).publish(ChangeEventPublisher.channel(namespace),
                "{\"kind\":\"seat-changed\",\"userId\":\"" + carla.userId() + "\",\"licenseId\":\"dev-customer\"}");
        Awaitility.await().atMost(Duration.ofSeconds(1)).pollInterval(Duration.ofMillis(25))
                .until(() -> given().auth().oauth2(carla.token()).get("/api/main-page").then().extract().path("edition"),
                        equalTo("customer"));
    }
}
