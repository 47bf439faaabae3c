package org.portal.gateway.quota;

import io.vertx.core.MultiMap;

/**
 * The limit that governs one call, stated in the IETF RateLimit header fields
 * (draft-ietf-httpapi-ratelimit-headers): the policy's name, its quota per window, what remains and
 * the seconds until it is whole again. Every answer the gateway gives with a 2xx or 4xx carries one:
 * the daily quota on counted calls, the caller's burst limit on the others.
 */
public record RateLimit(String policy, long quota, long windowSeconds, long remaining, long resetSeconds) {

    public static final String POLICY_HEADER = "RateLimit-Policy";
    public static final String HEADER = "RateLimit";

    public void putOn(MultiMap headers) {
        headers.set(POLICY_HEADER, "\"" + policy + "\";q=" + quota + ";w=" + windowSeconds);
        headers.set(HEADER, "\"" + policy + "\";r=" + remaining + ";t=" + resetSeconds);
    }
}
