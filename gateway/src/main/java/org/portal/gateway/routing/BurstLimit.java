package org.portal.gateway.routing;

import java.time.Duration;

import jakarta.inject.Singleton;

import org.portal.gateway.config.GatewayConfig;
import org.portal.gateway.quota.RateLimit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * A token bucket per caller for the calls outside the daily quota: {@code capacity} at once, refilled
 * at {@code perSecond}. Buckets of callers gone quiet are dropped (a full bucket is what a new one
 * would be). Kept per gateway instance: it guards each instance's capacity, where the quota must be
 * one count across instances.
 */
// A singleton: on every call's path, where a client proxy's context look-up costs (docs/architecture.md).
@Singleton
public class BurstLimit {

    /** One call's take: 0 seconds to wait when admitted, and the bucket as the RateLimit fields state it. */
    public record Take(long secondsToWait, RateLimit rateLimit) {

        public boolean admitted() {
            return secondsToWait == 0;
        }
    }

    private final int capacity;
    private final double perSecond;
    private final long windowSeconds;
    private final Cache<String, Bucket> buckets;

    public BurstLimit(GatewayConfig config) {
        this.capacity = config.burst().capacity();
        this.perSecond = config.burst().perSecond();
        this.windowSeconds = Math.max(1, (long) Math.ceil(capacity / perSecond));
        this.buckets = Caffeine.newBuilder().expireAfterAccess(Duration.ofSeconds(windowSeconds))
                .maximumSize(1_000_000).build();
    }

    /** Takes one call from the caller's bucket when it holds one. */
    public Take take(String caller) {
        return buckets.get(caller, key -> new Bucket(capacity)).take(System.nanoTime(), this);
    }

    private static final class Bucket {

        private double tokens;
        private long refilledAt = System.nanoTime();

        Bucket(int capacity) {
            this.tokens = capacity;
        }

        synchronized Take take(long now, BurstLimit limit) {
            tokens = Math.min(limit.capacity, tokens + (now - refilledAt) / 1e9 * limit.perSecond);
            refilledAt = now;
            long wait = 0;
            if (tokens >= 1) {
                tokens -= 1;
            } else {
                wait = Math.max(1, (long) Math.ceil((1 - tokens) / limit.perSecond));
            }
            long untilWhole = (long) Math.ceil((limit.capacity - tokens) / limit.perSecond);
            return new Take(wait, new RateLimit("burst", limit.capacity, limit.windowSeconds, (long) Math.floor(tokens),
                    untilWhole));
        }
    }
}
