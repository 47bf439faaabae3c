package org.portal.users.mail;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.qute.TemplateInstance;

/**
 * Puts a mail in the outbox, in the caller's transaction: the mail exists exactly when the change
 * that causes it commits, and {@link MailSender} delivers it from there.
 */
@ApplicationScoped
public class MailOutbox {

    private final Clock clock;

    public MailOutbox(Clock clock) {
        this.clock = clock;
    }

    /**
     * @param kind what the mail is about (for logs and metrics), e.g. {@code invitation}
     * @param body the rendered template is the plain-text body
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueue(String kind, String recipient, String subject, TemplateInstance body) {
        enqueue(kind, recipient, subject, body.render(), null, null);
    }

    /** A mail with its body already rendered; {@code notificationId} makes a repeated notification a no-op. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueue(String kind, String recipient, String subject, String body, UUID notificationId,
            UUID recipientUserId) {
        OutgoingMail mail = new OutgoingMail();
        mail.id = UUID.randomUUID();
        mail.kind = kind;
        mail.recipient = recipient;
        mail.subject = subject;
        mail.body = body;
        mail.notificationId = notificationId;
        mail.recipientUserId = recipientUserId;
        mail.createdAt = Instant.now(clock);
        mail.nextAttemptAt = mail.createdAt;
        mail.persist();
    }
}
