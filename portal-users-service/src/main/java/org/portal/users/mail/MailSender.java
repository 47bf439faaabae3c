package org.portal.users.mail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.scheduler.Scheduled;

/**
 * Delivers the outbox. Each round locks the due mails it takes ({@code SKIP LOCKED}, so replicas
 * share the work), sends them and marks each sent; a failure keeps the mail with the next attempt
 * further away (doubling up to a ceiling), so nothing is dropped while the mail server is away. A
 * mail can be sent twice if the process dies between the server's acceptance and the commit; it is
 * never lost.
 */
@ApplicationScoped
public class MailSender {

    private final ReactiveMailer mailer;
    private final MailConfig config;
    private final Clock clock;
    private final MeterRegistry metrics;
    private final AtomicLong waiting = new AtomicLong();

    public MailSender(ReactiveMailer mailer, MailConfig config, Clock clock, MeterRegistry metrics) {
        this.mailer = mailer;
        this.config = config;
        this.clock = clock;
        this.metrics = metrics;
        metrics.gauge("portal.mails.waiting", waiting);
    }

    @Scheduled(every = "${portal.mail.poll:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void sendDue() {
        Instant now = Instant.now(clock);
        @SuppressWarnings("unchecked")
        List<OutgoingMail> due = OutgoingMail.getEntityManager().createNativeQuery("""
                SELECT * FROM outgoing_mails WHERE sent_at IS NULL AND next_attempt_at <= :now
                ORDER BY next_attempt_at LIMIT :batch FOR UPDATE SKIP LOCKED""", OutgoingMail.class)
                .setParameter("now", now).setParameter("batch", config.batchSize()).getResultList();
        for (OutgoingMail mail : due) {
            send(mail, now);
        }
        waiting.set(OutgoingMail.count("sentAt is null"));
    }

    private void send(OutgoingMail mail, Instant now) {
        try {
            mailer.send(Mail.withText(mail.recipient, mail.subject, mail.body)).await().atMost(config.sendTimeout());
            mail.sentAt = Instant.now(clock);
            metrics.counter("portal.mails.sent", "kind", mail.kind).increment();
        } catch (RuntimeException e) {
            mail.attempts++;
            mail.lastError = String.valueOf(e.getMessage());
            mail.nextAttemptAt = now.plus(delayAfter(mail.attempts));
            metrics.counter("portal.mails.failed.attempts", "kind", mail.kind).increment();
            String message = "Mail %s (%s to %s) not sent, attempt %d, next at %s: %s";
            if (mail.attempts >= config.alertAfterAttempts()) {
                Log.errorf(message, mail.id, mail.kind, mail.recipient, mail.attempts, mail.nextAttemptAt, e.toString());
            } else {
                Log.warnf(message, mail.id, mail.kind, mail.recipient, mail.attempts, mail.nextAttemptAt, e.toString());
            }
        }
    }

    Duration delayAfter(int attempts) {
        Duration ceiling = config.maxRetryDelay();
        Duration delay = config.firstRetry();
        for (int i = 1; i < attempts && delay.compareTo(ceiling) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(ceiling) < 0 ? delay : ceiling;
    }
}
