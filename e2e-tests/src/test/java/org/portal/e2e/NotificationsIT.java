package org.portal.e2e;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Notifications as people meet them: in their mailbox at the local mail server, once, also when the
 * mail server was away when the cause happened.
 */
class NotificationsIT {

    private static final String ACME_CUSTOMER_MAIL = "customer-acme@acme.example";

    private static String newCase(String token, String subject) {
        return given().auth().oauth2(token).contentType("application/json").body(Map.of("values", Map.of("subject", subject)))
                .post(RunningSystem.GATEWAY + "/api/sections/cases/records").then().statusCode(201).extract().path("id");
    }

    @Test
    void anAgentsAnswerReachesTheCustomerOnceAlthoughTheMailServerWasAway() throws Exception {
        String subject = "Label printer offline " + UUID.randomUUID().toString().substring(0, 8);
        String caseId = newCase(RunningSystem.token("customer-acme"), subject);
        String agent = RunningSystem.token("agent");
        String admin = RunningSystem.token("admin");
        long mailServer = LocalRunner.pid("mail-server");
        signal("STOP", mailServer);
        try {
            given().auth().oauth2(agent).contentType("application/json")
                    .body(Map.of("body", "Please restart the printer and tell us what the display shows."))
                    .post(RunningSystem.GATEWAY + "/api/sections/cases/records/" + caseId + "/comments").then().statusCode(201);
            given().auth().oauth2(agent).contentType("application/json")
                    .body(Map.of("body", "Internal: same model as PRB-7.", "internal", true))
                    .post(RunningSystem.GATEWAY + "/api/sections/cases/records/" + caseId + "/comments").then().statusCode(201);
            // Until a first attempt found no server answering and was put off, as the delivery log shows.
            Awaitility.await("a first attempt that got no answer").atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> delivery(admin, subject), d -> d != null && d.get("attempts") != null
                            && ((Number) d.get("attempts")).intValue() > 0);
        } finally {
            signal("CONT", mailServer);
        }
        Mailbox mailbox = new Mailbox(ACME_CUSTOMER_MAIL);
        Mailbox.Mail mail = Awaitility.await("the agent's answer in the customer's mailbox").atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> about(mailbox, subject), mails -> !mails.isEmpty()).get(0);
        assertTrue(mail.text().contains("Please restart the printer"), mail.text());
        assertTrue(mail.link("/cases/" + caseId).endsWith("/cases/" + caseId));
        // Sent, by the attempt that outlived its wait: nothing is left to send it again.
        Awaitility.await("the delivery log says sent").atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> delivery(admin, subject).get("status"), "sent"::equals);
        assertEquals(1, about(mailbox, subject).size(), "one mail for one answer; none for the internal note");
    }

    @Test
    void anApprovalRequestMailsEachApprover() {
        String admin = RunningSystem.token("admin");
        String acme = RunningSystem.accountId(admin, "Acme");
        RunningSystem.LinkedPerson first = RunningSystem.linkedPortalUser(admin, acme, "approver", "customer");
        RunningSystem.LinkedPerson second = RunningSystem.linkedPortalUser(admin, acme, "approver", "customer");
        String customer = RunningSystem.token("customer-acme");
        String request = given().auth().oauth2(customer).contentType("application/json")
                .body(Map.of("values", Map.of("product-type", "loan", "amount", 25000)))
                .post(RunningSystem.GATEWAY + "/api/sections/financial-product-requests/records").then().statusCode(201)
                .extract().path("id");
        given().auth().oauth2(customer).contentType("application/json")
                .body(Map.of("approvers", List.of(first.userId(), second.userId()), "message", "Please check the amount"))
                .post(RunningSystem.GATEWAY + "/api/sections/financial-product-requests/records/" + request + "/approvals")
                .then().statusCode(201);
        for (RunningSystem.LinkedPerson approver : List.of(first, second)) {
            Mailbox.Mail mail = new Mailbox(approver.username() + "@portal-test.example")
                    .awaitMail("Your approval is requested");
            assertTrue(mail.text().contains("Please check the amount"), mail.text());
        }
    }

    @Test
    void aUserHearsAtEightyPercentOfTheirDailyCallsAndAtTheLimitOnceEach() {
        String admin = RunningSystem.token("admin");
        RunningSystem.LinkedPerson person = RunningSystem.linkedPortalUser(admin, RunningSystem.accountId(admin, "Acme"),
                "busy", "customer");
        String token = RunningSystem.token(person.username());
        Mailbox mailbox = new Mailbox(person.username() + "@portal-test.example");
        try {
            int limit = given().auth().oauth2(token).get(RunningSystem.GATEWAY + "/api/me/quota").then().statusCode(200)
                    .extract()
                    .path("limit");
            int warning = (limit * 4 + 4) / 5;

            setCount(admin, person.userId(), warning - 2);
            for (int i = 0; i < 3; i++) {
                given().auth().oauth2(token).get(RunningSystem.GATEWAY + "/api/sections/knowledge-base/records").then()
                        .statusCode(200);
            }
            Mailbox.Mail warned = mailbox.awaitMail("You have used " + warning + " of your " + limit + " API calls today");
            assertTrue(warned.text().contains("starts again at"), warned.text());

            setCount(admin, person.userId(), limit - 1);
            given().auth().oauth2(token).get(RunningSystem.GATEWAY + "/api/sections/knowledge-base/records").then()
                    .statusCode(200);
            given().auth().oauth2(token).get(RunningSystem.GATEWAY + "/api/sections/knowledge-base/records").then()
                    .statusCode(429);
            mailbox.awaitMail("You have reached your daily limit of " + limit + " API calls");

            // The same marks again the same day (an administrator set the count back) tell nobody twice.
            setCount(admin, person.userId(), limit - 1);
            given().auth().oauth2(token).get(RunningSystem.GATEWAY + "/api/sections/knowledge-base/records").then()
                    .statusCode(200);
            Awaitility.await().pollDelay(Duration.ofSeconds(8)).atMost(Duration.ofSeconds(10)).until(() -> true);
            assertEquals(2, mailbox.mails().size(), "one warning, one limit reached: " + mailbox.mails());
        } finally {
            // The demo customer license has few seats, and other tests need them too.
            given().auth().oauth2(admin).delete(RunningSystem.GATEWAY + "/api/users/" + person.userId() + "/seat").then()
                    .statusCode(204);
        }
    }

    private static void setCount(String admin, String userId, int calls) {
        given().auth().oauth2(admin).contentType("application/json").body(Map.of("calls", calls, "reason", "end-to-end test"))
                .post(RunningSystem.GATEWAY + "/api/usage/users/" + userId + "/adjustments").then().statusCode(200);
    }

    /** The delivery log's entry for the mail about the case, as a portal administrator reads it. */
    private static Map<String, Object> delivery(String admin, String caseSubject) {
        List<Map<String, Object>> mails = given().auth().oauth2(admin).queryParam("recipient", ACME_CUSTOMER_MAIL)
                .queryParam("kind", "case-comment").get(RunningSystem.GATEWAY + "/api/admin/notifications").then()
                .statusCode(200).extract().jsonPath().getList("$");
        return mails.stream().filter(mail -> String.valueOf(mail.get("subject")).contains(caseSubject)).findFirst()
                .orElse(null);
    }

    private static List<Mailbox.Mail> about(Mailbox mailbox, String caseSubject) {
        return mailbox.mails().stream().filter(mail -> mail.subject().contains(caseSubject)).toList();
    }

    private static void signal(String signal, long pid) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
        assertEquals(0, kill.waitFor(), "kill -" + signal + " " + pid);
    }
}
