package org.portal.users.mail;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A mail in the outbox: rendered when its cause commits, sent (and retried) by {@link MailSender}. */
@Entity
@Table(name = "outgoing_mails")
public class OutgoingMail extends PanacheEntityBase {

    @Id
    public UUID id;
    public String kind;
    public String recipient;
    public String subject;
    public String body;
    public Instant createdAt;
    public int attempts;
    public Instant nextAttemptAt;
    public String lastError;
    public Instant sentAt;
    public Instant failedAt;
    public UUID notificationId;
    public UUID recipientUserId;
}
