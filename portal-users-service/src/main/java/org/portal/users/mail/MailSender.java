package org.portal.users.mail;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.infrastructure.Infrastructure;

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
                SELECT * FROM outgoing_mails WHERE sent_at IS NULL AND failed_at IS NULL AND next_attempt_at <= :now
                ORDER BY next_attempt_at LIMIT :batch FOR UPDATE SKIP LOCKED""", OutgoingMail.class)
                .setParameter("now", now).setParameter("batch", config.batchSize()).getResultList();
        for (OutgoingMail mail : due) {
            send(mail, now);
        }
        waiting.set(OutgoingMail.count("sentAt is null and failedAt is null"));
    }

    private void send(OutgoingMail mail, Instant now) {
        CompletableFuture<Void> attempt = mailer.send(Mail.withText(mail.recipient, mail.subject, mail.body))
                .subscribeAsCompletionStage();
        try {
            attempt.get(config.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
            mail.sentAt = Instant.now(clock);
            metrics.counter("portal.mails.sent", "kind", mail.kind).increment();
        } catch (TimeoutException e) {
            // The server took the connection and has not answered: the mail may still go through on it
            // (a server that was paused, say). Sending it again now could deliver it twice, so it waits
            // for that attempt to end, and is retried only if it failed (or after the longest delay,
            // should the attempt never end).
            mail.attempts++;
            mail.lastError = "the mail server did not answer within " + config.sendTimeout() + "; waiting for that attempt";
            mail.nextAttemptAt = now.plus(config.maxRetryDelay());
            UUID id = mail.id;
            attempt.whenComplete((sent, failure) -> Infrastructure.getDefaultWorkerPool().execute(() -> settle(id, failure)));
            Log.warnf("Mail %s (%s to %s): no answer within %s, waiting for the attempt to end", mail.id, mail.kind,
                    mail.recipient, config.sendTimeout());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException failed) {
            RuntimeException e = failed.getCause() instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException(failed.getCause());
            mail.attempts++;
            mail.lastError = String.valueOf(e.getMessage());
            mail.nextAttemptAt = now.plus(config.delayAfter(mail.attempts));
            metrics.counter("portal.mails.failed.attempts", "kind", mail.kind).increment();
            String message = "Mail %s (%s to %s) not sent, attempt %d, next at %s: %s";
            if (mail.attempts >= config.giveUpAfterAttempts()) {
                mail.failedAt = now;
                metrics.counter("portal.mails.given.up", "kind", mail.kind).increment();
                Log.errorf("Mail %s (%s to %s) given up after %d attempts: %s", mail.id, mail.kind, mail.recipient,
                        mail.attempts, e.toString());
            } else if (mail.attempts >= config.alertAfterAttempts()) {
                Log.errorf(message, mail.id, mail.kind, mail.recipient, mail.attempts, mail.nextAttemptAt, e.toString());
            } else {
                Log.warnf(message, mail.id, mail.kind, mail.recipient, mail.attempts, mail.nextAttemptAt, e.toString());
            }
        }
    }

    /** The end of an attempt that outlived its wait: sent after all, or due again at once. */
    private void settle(UUID id, Throwable failure) {
        Instant now = Instant.now(clock);
        QuarkusTransaction.requiringNew().run(() -> {
            if (failure == null) {
                OutgoingMail.update("sentAt = ?1, lastError = null where id = ?2 and sentAt is null", now, id);
            } else {
                OutgoingMail.update("nextAttemptAt = ?1, lastError = ?2 where id = ?3 and sentAt is null", now,
                        String.valueOf(failure.getMessage()), id);
            }
        });
        Log.infof("Mail %s: the late attempt %s", id, failure == null ? "delivered it" : "failed (" + failure + "); due again");
    }
}
