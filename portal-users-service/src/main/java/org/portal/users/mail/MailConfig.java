package org.portal.users.mail;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the outbox is delivered; the SMTP server itself is quarkus.mailer's configuration. */
@ConfigMapping(prefix = "portal.mail")
public interface MailConfig {

    /** How often the outbox is looked at (the sender's schedule, e.g. {@code 2s}). */
    @WithDefault("2s")
    String poll();

    /** Mails taken per round; each replica takes rows the others have not locked. */
    @WithDefault("20")
    int batchSize();

    /** The wait after the first failed attempt; it doubles with each further failure. */
    @WithDefault("PT10S")
    Duration firstRetry();

    /** The longest wait between two attempts: a mail is retried at this pace for as long as it fails. */
    @WithDefault("PT15M")
    Duration maxRetryDelay();

    /**
     * How long one mail may take to be handed over: a server that accepts the connection and then says
     * nothing must not hold up the rest of the outbox. A mail given up on is tried again later (it may
     * then arrive twice, never not at all).
     */
    @WithDefault("PT10S")
    Duration sendTimeout();

    /** After this many failed attempts each further failure is logged as an error, for someone to look at. */
    @WithDefault("8")
    int alertAfterAttempts();

    /**
     * After this many failed attempts a mail is given up on (failed in the delivery log): at the
     * longest delay, about a day of trying.
     */
    @WithDefault("100")
    int giveUpAfterAttempts();

    /** The wait after a number of failed attempts: the first retry's, doubled each time up to the ceiling. */
    default Duration delayAfter(int attempts) {
        Duration delay = firstRetry();
        for (int i = 1; i < attempts && delay.compareTo(maxRetryDelay()) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxRetryDelay()) < 0 ? delay : maxRetryDelay();
    }
}
