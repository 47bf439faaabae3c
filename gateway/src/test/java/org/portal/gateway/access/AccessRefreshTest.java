package org.portal.gateway.access;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.lessThan;
import static org.portal.gateway.DownstreamServices.json;
import static org.portal.gateway.DownstreamServices.portalUser;
import static org.portal.gateway.DownstreamServices.server;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.portal.gateway.DownstreamServices;
import org.portal.testsupport.TestTokens;

import io.quarkus.test.junit.QuarkusTest;

/**
 * A busy user's access context is refreshed in the background (refresh-after is 1 s in tests): while
 * the look-up is slower than its limit their calls keep being served from the cached context, and a
 * change the refresh finds applies without a change event.
 */
@QuarkusTest
class AccessRefreshTest {

    @Test
    void aSlowLookUpNeverHoldsUpACachedUserAndAFreshAnswerApplies() {
        server().stubFor(get(urlEqualTo("/api/sections/knowledge-base/records")).willReturn(json(200, "{\"items\":[]}")));
        String subject = "user-" + UUID.randomUUID();
        UUID userId = portalUser(subject, "active", "customer", 1000, DownstreamServices.CUSTOMER_GRANTS);
        String token = TestTokens.of(subject, "portal-user");
        given().auth().oauth2(token).get("/api/sections/knowledge-base/records").then().statusCode(200);

        String blocked = """
                {"userId":"%s","subject":"%s","accountId":"%s","status":"blocked","accessScope":"account"}
                """.formatted(userId, subject, UUID.randomUUID());
        server().stubFor(get(urlEqualTo("/internal/subjects/" + subject)).willReturn(json(200, blocked).withFixedDelay(2500)));
        // Past refresh-after every call starts or finds a refresh; none waits for the slow look-up.
        Awaitility.await().pollDelay(Duration.ofMillis(1200)).atMost(Duration.ofSeconds(3)).until(() -> true);
        for (int i = 0; i < 10; i++) {
            given().auth().oauth2(token).get("/api/sections/knowledge-base/records").then().statusCode(200)
                    .time(lessThan(1000L), TimeUnit.MILLISECONDS);
        }

        server().stubFor(get(urlEqualTo("/internal/subjects/" + subject)).willReturn(json(200, blocked)));
        Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
                .until(() -> given().auth().oauth2(token).get("/api/sections/knowledge-base/records").statusCode(),
                        equalTo(403));
    }
}
