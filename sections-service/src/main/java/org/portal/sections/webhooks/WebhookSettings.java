package org.portal.sections.webhooks;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "portal.webhooks")
public interface WebhookSettings {

    /** How often due deliveries are looked for (the sender's schedule, e.g. {@code 2s}; {@code off} in tests). */
    @WithDefault("2s")
    String sendEvery();

    /** The wait after a failed delivery; it doubles with each further failure, up to {@link #maxRetryDelay()}. */
    @WithDefault("PT10S")
    Duration firstRetry();

    @WithDefault("PT1H")
    Duration maxRetryDelay();

    /** A delivery still failing after this many attempts is given up (about a day at the longest delay). */
    @WithDefault("30")
    int maxAttempts();

    /** An endpoint whose deliveries failed this many times in a row is disabled until an administrator enables it. */
    @WithDefault("50")
    int disableAfterFailures();

    /** How long a receiver has to answer one delivery. */
    @WithDefault("PT10S")
    Duration timeout();

    /**
     * Whether {@code http://} URLs on this machine's loopback are taken (local runs and tests); every
     * other endpoint must be {@code https://}.
     */
    @WithDefault("false")
    boolean allowHttpLoopback();
}
