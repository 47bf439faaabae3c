package org.portal.gateway.quota;

/**
 * The outcome of counting one call: admitted or not, the day's limit, what remains, and how many
 * seconds until the counter resets. {@code counted} is false when Redis could not count the call.
 */
public record QuotaDecision(boolean admitted, boolean counted, int limit, long remaining, long secondsToReset) {

    /** IETF RateLimit policy header value. */
    public String policyHeader() {
        return "\"daily\";q=" + limit + ";w=86400";
    }

    /** IETF RateLimit header value. */
    public String rateLimitHeader() {
        return "\"daily\";r=" + remaining + ";t=" + secondsToReset;
    }
}
