package org.portal.gateway.quota;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.portal.gateway.DownstreamServices.json;
import static org.portal.gateway.DownstreamServices.portalUser;
import static org.portal.gateway.DownstreamServices.server;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.portal.gateway.DownstreamServices;
import org.portal.testsupport.TestTokens;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** A user hears when their calls reach 80 % of the daily limit and when they reach it, once each. */
@QuarkusTest
class QuotaNoticesTest {

    @Inject
    QuotaNotices notices;

    @Test
    void theMarksAreEightyPercentRoundedUpAndTheLimit() {
        assertEquals(800, QuotaNotices.Mark.WARNING.at(1000));
        assertEquals(1000, QuotaNotices.Mark.REACHED.at(1000));
        assertEquals(4, QuotaNotices.Mark.WARNING.at(5));
        assertEquals(1, QuotaNotices.Mark.WARNING.at(1));
        assertEquals(1, QuotaNotices.Mark.REACHED.at(1));
    }

    @Test
    void eachMarkIsHandedOnOnceAndWaitsWhilePortalUsersCannotTakeIt() {
        server().stubFor(get(urlEqualTo("/api/sections/knowledge-base/records")).willReturn(json(200, "{\"items\":[]}")));
        String subject = "user-" + UUID.randomUUID();
        UUID userId = portalUser(subject, "active", "customer", 5, DownstreamServices.CUSTOMER_GRANTS);
        String scenario = "notices-" + userId;
        server().stubFor(post(urlEqualTo("/internal/notifications")).inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
                .withRequestBody(matchingJsonPath("$.recipientUserId", containing(userId.toString())))
                .willReturn(aResponse().withStatus(503)).willSetStateTo("up"));
        server().stubFor(post(urlEqualTo("/internal/notifications")).inScenario(scenario).whenScenarioStateIs("up")
                .withRequestBody(matchingJsonPath("$.recipientUserId", containing(userId.toString())))
                .willReturn(json(200, "{\"outcome\":\"QUEUED\"}")));
        for (int i = 0; i < 6; i++) {
            given().auth().oauth2(TestTokens.of(subject, "portal-user")).get("/api/sections/knowledge-base/records");
        }
        notices.handOn(); // portal-users-service cannot take the first: both wait
        notices.handOn();
        notices.handOn();

        List<LoggedRequest> handed = server().findAll(postRequestedFor(urlEqualTo("/internal/notifications"))
                .withRequestBody(matchingJsonPath("$.recipientUserId", containing(userId.toString()))));
        List<String> kinds = handed.stream().map(r -> JsonPath.from(r.getBodyAsString()).getString("kind"))
                .toList();
        assertEquals(List.of("quota-warning", "quota-warning", "quota-reached"), kinds, "the warning was tried again");
        JsonPath reached = JsonPath.from(handed.get(2).getBodyAsString());
        assertEquals("5", reached.getString("facts.limit"));
        assertEquals(reached.getString("id"), QuotaNotices.idOf(new QuotaNotices.Notice(userId,
                LocalDate.now(ZoneOffset.UTC), QuotaNotices.Mark.REACHED, 5, 5, "")).toString());
    }
}
