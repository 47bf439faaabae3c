package org.portal.users.notifications;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.portal.testsupport.TestMailServer;
import org.portal.testsupport.TestTokens;
import org.portal.users.Fixtures;
import org.portal.users.RecordingIdentityProvider;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/** What portal staff hear: mailed to every portal administrator the identity provider names, once per notice. */
@QuarkusTest
class StaffNoticesTest {

    private static final String SERVICE = TestTokens.of("service-sections", "portal-service");

    @Inject
    RecordingIdentityProvider identityProvider;

    @AfterEach
    void providerBack() {
        identityProvider.down(false);
    }

    private static String staffAddress() {
        return "staff-" + UUID.randomUUID() + "@portal.test";
    }

    private static List<TestMailServer.Received> mailsTo(String address, String subjectPart, int atLeast) {
        return await().atMost(Duration.ofSeconds(15)).until(() -> TestMailServer.receivedBy(address).stream()
                .filter(mail -> mail.subject().contains(subjectPart)).toList(), mails -> mails.size() >= atLeast);
    }

    @Test
    void aRegistrationIsMailedToEveryPortalAdministrator() {
        String first = staffAddress();
        String second = staffAddress();
        identityProvider.staff(List.of(first, second));
        String company = "Zeta " + UUID.randomUUID();
        String email = "nora-" + UUID.randomUUID() + "@example.test";
        given().auth().oauth2(Fixtures.tokenWithEmail(Fixtures.newSubject(), email)).contentType("application/json")
                .body(Map.of("displayName", "Nora New", "companyName", company)).post("/api/registrations").then()
                .statusCode(201);

        for (String staff : List.of(first, second)) {
            TestMailServer.Received mail = mailsTo(staff, company, 1).get(0);
            assertEquals("New portal registration: Nora New (" + company + ")", mail.subject());
            assertTrue(mail.body().contains(email) && mail.body().contains("none matched"), mail.body());
        }
    }

    @Test
    void aNoticeWaitsWhileTheProviderIsDownAndIsMailedOnceWhenItIsBack() {
        String staff = staffAddress();
        identityProvider.staff(List.of(staff));
        identityProvider.down(true);
        UUID id = UUID.randomUUID();
        String url = "https://receiver.example/" + id;
        for (int i = 0; i < 2; i++) {
            given().auth().oauth2(SERVICE).contentType("application/json")
                    .body(Map.of("id", id, "kind", "webhook-disabled", "facts",
                            Map.of("url", url, "endpointId", id.toString(), "scope", "the whole installation", "reason",
                                    "5 failed deliveries in a row")))
                    .post("/internal/notifications/staff").then().statusCode(204);
        }
        await().atMost(Duration.ofSeconds(10))
                .until(() -> QuarkusTransaction.requiringNew().call(() -> StaffNotice.<StaffNotice> findById(id).attempts > 0));
        assertEquals(List.of(), TestMailServer.receivedBy(staff));

        identityProvider.down(false);
        List<TestMailServer.Received> mails = mailsTo(staff, url, 1);
        assertTrue(mails.get(0).body().contains("5 failed deliveries in a row"), mails.get(0).body());
        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> true);
        // Counted by this notice's subject: a notice other tests left waiting goes to whoever is staff now.
        assertEquals(1, TestMailServer.receivedBy(staff).stream().filter(mail -> mail.subject().contains(url)).count(),
                "the notice handed in twice was mailed once");
    }

    @Test
    void onlyServicesHandInStaffNotices() {
        given().auth().oauth2(Fixtures.ADMIN).contentType("application/json")
                .body(Map.of("id", UUID.randomUUID(), "kind", "webhook-disabled", "facts", Map.of()))
                .post("/internal/notifications/staff").then().statusCode(403);
        given().auth().oauth2(SERVICE).contentType("application/json")
                .body(Map.of("id", UUID.randomUUID(), "kind", "newsletter", "facts", Map.of()))
                .post("/internal/notifications/staff").then().statusCode(400);
    }
}
