package org.portal.users.licensing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;
import org.portal.testsupport.HttpStubServer;
import org.portal.testsupport.TestMailServer;
import org.portal.users.RecordingIdentityProvider;

import io.quarkus.test.junit.QuarkusTest;

/** Staff hear of a license 30, 7 and 1 days before it ends and when its seats are all given, each once. */
@QuarkusTest
class LicenseWatchTest {

    @Inject
    LicenseWatch watch;

    @Inject
    RecordingIdentityProvider identityProvider;

    private static void licensingSays(String standing) {
        HttpStubServer.server().stubFor(get(urlEqualTo("/internal/seats/standing")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(standing)));
    }

    private static String license(String id, LocalDate validUntil, int seats, int given) {
        return """
                {"licenseId":"%s","edition":"customer-portal","validUntil":%s,"seats":%d,"given":%d}"""
                .formatted(id, validUntil == null ? "null" : "\"" + validUntil + "\"", seats, given);
    }

    private static List<String> subjectsTo(String address, String licenseId, int count) {
        return await().atMost(Duration.ofSeconds(15)).until(() -> TestMailServer.receivedBy(address).stream()
                .map(TestMailServer.Received::subject).filter(subject -> subject.contains(licenseId)).sorted().toList(),
                subjects -> subjects.size() >= count);
    }

    @Test
    void staffHearOfEachMarkOnceAndOfSeatsUsedUp() {
        String staff = "staff-" + UUID.randomUUID() + "@portal.test";
        identityProvider.staff(List.of(staff));
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        String ending = "L-END-" + UUID.randomUUID();
        String full = "L-FULL-" + UUID.randomUUID();
        String calm = "L-CALM-" + UUID.randomUUID();
        String endless = "L-ENDLESS-" + UUID.randomUUID();
        licensingSays("[" + license(ending, today.plusDays(6), 10, 2) + "," + license(full, today.plusDays(200), 5, 5) + ","
                + license(calm, today.plusDays(31), 5, 4) + "," + license(endless, null, 100, 100) + "]");
        watch.watch();
        watch.watch();

        assertEquals(List.of("License " + ending + " expires in 6 day(s)"), subjectsTo(staff, ending, 1));
        assertEquals(List.of("License " + full + ": all 5 seats are given"), subjectsTo(staff, full, 1));
        assertEquals(List.of("License " + endless + ": all 100 seats are given"), subjectsTo(staff, endless, 1),
                "a license without an end is watched for its seats only");

        licensingSays("[" + license(ending, today, 10, 2) + "]");
        watch.watch();
        assertEquals(List.of("License " + ending + " expires in 0 day(s)", "License " + ending + " expires in 6 day(s)"),
                subjectsTo(staff, ending, 2));
        await().pollDelay(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(5)).until(() -> true);
        assertEquals(2, TestMailServer.receivedBy(staff).stream().filter(mail -> mail.subject().contains(ending)).count());
        assertEquals(List.of(),
                TestMailServer.receivedBy(staff).stream().filter(mail -> mail.subject().contains(calm)).toList(),
                "31 days before its end a license is no news");
    }
}
