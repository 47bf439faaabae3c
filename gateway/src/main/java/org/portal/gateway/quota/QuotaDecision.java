package org.portal.gateway.quota;

/**
 * The outcome of counting one call: admitted or not, the day's limit, what remains, and how many
 * seconds until the counter resets. {@code counted} is false when Redis could not count the call.
 */
public record QuotaDecision(boolean admitted, boolean counted, int limit, long remaining, long secondsToReset) {

    private static final long DAY_SECONDS = 86_400;

    /** The daily quota as the RateLimit header fields state it. */
    public RateLimit rateLimit() {
        return new RateLimit("daily", limit, DAY_SECONDS, remaining, secondsToReset);
    }
}
