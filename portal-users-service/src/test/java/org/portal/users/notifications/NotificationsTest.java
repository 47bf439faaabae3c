package org.portal.users.notifications;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.portal.testsupport.TestMailServer;
import org.portal.testsupport.TestTokens;
import org.portal.users.Fixtures;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

@QuarkusTest
class NotificationsTest {

    private static final String SERVICE = TestTokens.of("service-sections", "portal-service");

    private static ValidatableResponse notify(UUID id, String kind, String userId, Map<String, String> facts) {
        return given().auth().oauth2(SERVICE).contentType("application/json")
                .body(Map.of("id", id, "kind", kind, "recipientUserId", userId, "facts", facts))
                .post("/internal/notifications").then();
    }

    private static Map<String, String> comment(String subject) {
        return Map.of("subject", subject, "excerpt", "Please restart it.", "path", "/cases/42");
    }

    private static List<TestMailServer.Received> mailsTo(String address, int atLeast) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> TestMailServer.receivedBy(address), m -> m.size() >= atLeast);
    }

    @Test
    void aNotificationBecomesOneMailInTheRecipientsLanguage() {
        String subject = Fixtures.newSubject();
        String userId = Fixtures.user(subject, Fixtures.account("Acme"), false);
        UUID id = UUID.randomUUID();
        notify(id, "case-comment", userId, comment("Printer")).statusCode(200).body("outcome", equalTo("QUEUED"));
        notify(id, "case-comment", userId, comment("Printer")).statusCode(200).body("outcome", equalTo("ALREADY_QUEUED"));
        TestMailServer.Received mail = mailsTo(subject + "@example.test", 1).get(0);
        assertEquals("New answer on your case \"Printer\"", mail.subject());
        assertTrue(mail.body().contains("Please restart it.") && mail.body().contains("/cases/42"), mail.body());

        given().auth().oauth2(Fixtures.token(subject)).contentType("application/json").body(Map.of("language", "de-CH"))
                .put("/api/me/preferences").then().statusCode(200);
        notify(UUID.randomUUID(), "case-comment", userId, comment("Drucker")).statusCode(200);
        List<TestMailServer.Received> mails = mailsTo(subject + "@example.test", 2);
        assertEquals(2, mails.size(), "the repeated notification was mailed once");
        assertEquals("Neue Antwort zu Ihrem Fall \"Drucker\"", mails.get(1).subject());
    }

    @Test
    void aMutedKindIsNotMailed() {
        String subject = Fixtures.newSubject();
        String userId = Fixtures.user(subject, Fixtures.account("Acme"), false);
        given().auth().oauth2(Fixtures.token(subject)).contentType("application/json")
                .body(Map.of("mutedNotifications", List.of("case-comment"))).put("/api/me/preferences").then().statusCode(200);
        notify(UUID.randomUUID(), "case-comment", userId, comment("Printer")).statusCode(200)
                .body("outcome", equalTo("MUTED"));
        notify(UUID.randomUUID(), "case-resolved", userId, Map.of("subject", "Printer", "path", "/cases/42"))
                .statusCode(200).body("outcome", equalTo("QUEUED"));
    }

    @Test
    void onlyKnownKindsCanBeMuted() {
        String subject = Fixtures.newSubject();
        Fixtures.user(subject, Fixtures.account("Acme"), false);
        given().auth().oauth2(Fixtures.token(subject)).contentType("application/json")
                .body(Map.of("mutedNotifications", List.of("newsletter"))).put("/api/me/preferences").then().statusCode(400)
                .body("errors.field", contains("mutedNotifications"));
    }

    @Test
    void onlyServicesAskAndAnUnknownRecipientIsNotFound() {
        String subject = Fixtures.newSubject();
        String userId = Fixtures.user(subject, Fixtures.account("Acme"), false);
        given().auth().oauth2(Fixtures.token(subject)).contentType("application/json")
                .body(Map.of("id", UUID.randomUUID(), "kind", "case-comment", "recipientUserId", userId, "facts", Map.of()))
                .post("/internal/notifications").then().statusCode(403);
        notify(UUID.randomUUID(), "case-comment", UUID.randomUUID().toString(), comment("x")).statusCode(404);
    }

    @Test
    void theDeliveryLogShowsStaffEveryMailAndAnAccountAdministratorTheirAccounts() {
        String acme = Fixtures.account("Acme");
        String adminSubject = Fixtures.newSubject();
        Fixtures.user(adminSubject, acme, true);
        String ann = Fixtures.newSubject();
        String annId = Fixtures.user(ann, acme, false);
        String stranger = Fixtures.newSubject();
        String strangerId = Fixtures.user(stranger, Fixtures.account("Globex"), false);
        notify(UUID.randomUUID(), "case-comment", annId, comment("Mine")).statusCode(200);
        notify(UUID.randomUUID(), "case-comment", strangerId, comment("Theirs")).statusCode(200);
        mailsTo(ann + "@example.test", 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> given().auth().oauth2(Fixtures.ADMIN).queryParam("recipient", annId)
                .get("/api/admin/notifications").then().statusCode(200).extract().path("[0].status"), "sent"::equals);
        given().auth().oauth2(Fixtures.ADMIN).queryParam("recipient", ann + "@example.test").queryParam("kind", "case-comment")
                .get("/api/admin/notifications").then().statusCode(200).body("recipientUserId", contains(annId))
                .body("subject", contains("New answer on your case \"Mine\""));
        given().auth().oauth2(Fixtures.token(adminSubject)).get("/api/admin/notifications").then().statusCode(200)
                .body("recipient", everyItem(equalTo(ann + "@example.test")));
        given().auth().oauth2(Fixtures.token(ann)).get("/api/admin/notifications").then().statusCode(403);
    }
}
