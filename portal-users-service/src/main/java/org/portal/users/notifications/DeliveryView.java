package org.portal.users.notifications;

import java.time.Instant;
import java.util.UUID;

import org.portal.users.mail.OutgoingMail;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One mail of the delivery log: to whom, about what, and where its delivery stands. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeliveryView(UUID id, String kind, String recipient, UUID recipientUserId, String subject, Status status,
        int attempts, String lastError, Instant createdAt, Instant nextAttemptAt, Instant sentAt) {

    public enum Status {
        /** Not tried yet. */
        pending,
        /** Tried and failed; tried again at nextAttemptAt. */
        retrying,
        sent,
        /** Given up after repeated failures. */
        failed
    }

    static Status statusOf(OutgoingMail mail) {
        if (mail.sentAt != null) {
            return Status.sent;
        }
        if (mail.failedAt != null) {
            return Status.failed;
        }
        return mail.attempts == 0 ? Status.pending : Status.retrying;
    }

    /** The condition a status stands for, over the outbox's columns (the log's filter). */
    static String condition(Status status) {
        return switch (status) {
            case sent -> "sentAt is not null";
            case failed -> "failedAt is not null";
            case pending -> "sentAt is null and failedAt is null and attempts = 0";
            case retrying -> "sentAt is null and failedAt is null and attempts > 0";
        };
    }

    static DeliveryView from(OutgoingMail mail) {
        Status status = statusOf(mail);
        return new DeliveryView(mail.id, mail.kind, mail.recipient, mail.recipientUserId, mail.subject, status, mail.attempts,
                mail.lastError, mail.createdAt, status == Status.sent || status == Status.failed ? null : mail.nextAttemptAt,
                mail.sentAt);
    }
}
