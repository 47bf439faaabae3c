package org.portal.e2e;

import static io.restassured.RestAssured.given;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

import org.awaitility.Awaitility;

import io.restassured.path.json.JsonPath;

/** The local mail server's mailbox of one address, read through its API as a person reads their mail. */
final class Mailbox {

    private static final Pattern LINK = Pattern.compile("https?://[^\\s\"<>]+");

    /** A mail as its reader sees it: subject and plain-text body (the text part of a multipart mail). */
    record Mail(String subject, String text) {

        /** The first link in the text whose address contains {@code part}. */
        String link(String part) {
            Matcher links = LINK.matcher(text);
            while (links.find()) {
                if (links.group().contains(part)) {
                    return links.group();
                }
            }
            throw new AssertionError("No link with '" + part + "' in the mail '" + subject + "':\n" + text);
        }
    }

    private final String address;

    Mailbox(String address) {
        this.address = address;
    }

    /** Waits for a mail whose subject contains the words, and answers it. */
    Mail awaitMail(String subjectPart) {
        return Awaitility.await("a mail to " + address + " about '" + subjectPart + "'").atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(300))
                .until(() -> mails().stream().filter(mail -> mail.subject().contains(subjectPart)).findFirst().orElse(null),
                        mail -> mail != null);
    }

    /** Waits for a mail whose subject contains the words and whose text contains the other words, and answers it. */
    Mail awaitMail(String subjectPart, String textPart) {
        return Awaitility.await("a mail to " + address + " about '" + subjectPart + "' with '" + textPart + "'")
                .atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(300))
                .until(() -> mails().stream()
                        .filter(mail -> mail.subject().contains(subjectPart) && mail.text().contains(textPart))
                        .findFirst().orElse(null), mail -> mail != null);
    }

    List<Mail> mails() {
        var response = given().get(RunningSystem.MAILBOX + "/api/user/" + address + "/messages/");
        if (response.statusCode() == 400 && response.asString().contains("not found")) {
            // The mail server knows an address once a mail reached it.
            return List.of();
        }
        String answer = response.then().statusCode(200).extract().asString();
        List<Map<String, Object>> messages = JsonPath.from(answer).getList("$");
        return messages.stream().map(message -> parse((String) message.get("mimeMessage"))).toList();
    }

    private static Mail parse(String raw) {
        try {
            MimeMessage message = new MimeMessage(Session.getInstance(new Properties()),
                    new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)));
            return new Mail(message.getSubject(), text(message.getContent()));
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException("An unreadable mail: " + raw, e);
        }
    }

    private static String text(Object content) throws MessagingException, IOException {
        if (content instanceof Multipart parts) {
            for (int i = 0; i < parts.getCount(); i++) {
                BodyPart part = parts.getBodyPart(i);
                if (part.isMimeType("text/plain") || part.isMimeType("multipart/*")) {
                    return text(part.getContent());
                }
            }
            return text(parts.getBodyPart(0).getContent());
        }
        return String.valueOf(content);
    }
}
