package org.portal.testsupport;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real SMTP server (GreenMail, in this process) for module tests: the service sends to it through
 * its mailer, tests read what arrived. It can be stopped and started again on the same port, the way
 * a mail server goes away and comes back.
 */
public class TestMailServer implements QuarkusTestResourceLifecycleManager {

    private static volatile GreenMail server;
    private static volatile int port;

    /** A mail as it arrived: to whom, its subject and its plain-text body. */
    public record Received(String to, String subject, String body) {
    }

    @Override
    public synchronized Map<String, String> start() {
        server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        server.start();
        port = server.getSmtp().getPort();
        return Map.of("quarkus.mailer.host", "127.0.0.1", "quarkus.mailer.port", Integer.toString(port),
                "quarkus.mailer.start-tls", "DISABLED", "portal.mail.poll", "200ms", "portal.mail.first-retry", "PT0.5S",
                "portal.mail.send-timeout", "PT3S");
    }

    @Override
    public synchronized void stop() {
        if (server != null) {
            server.stop();
            server = null;
        }
    }

    /** Every mail that reached the server for this address, oldest first. */
    public static List<Received> receivedBy(String address) {
        return Arrays.stream(server.getReceivedMessages()).filter(message -> isFor(message, address))
                .map(TestMailServer::received).toList();
    }

    /** The server goes away: connections are refused until {@link #comeBack()}. */
    public static synchronized void goAway() {
        server.stop();
    }

    /** The server listens again on the same port, with an empty mailbox. */
    public static synchronized void comeBack() {
        server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
    }

    private static boolean isFor(MimeMessage message, String address) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO))
                    .anyMatch(recipient -> recipient.toString().equalsIgnoreCase(address));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Received received(MimeMessage message) {
        try {
            return new Received(message.getRecipients(Message.RecipientType.TO)[0].toString(), message.getSubject(),
                    GreenMailUtil.getBody(message));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
