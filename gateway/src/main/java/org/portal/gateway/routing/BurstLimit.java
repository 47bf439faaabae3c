package org.portal.gateway.routing;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.portal.gateway.config.GatewayConfig;

/**
 * A token bucket per caller for the calls outside the daily quota: {@code capacity} at once, refilled
 * at {@code perSecond}. Buckets of callers gone quiet are dropped (a full bucket is what a new one
 * would be). Kept per gateway instance: it guards each instance's capacity, where the quota must be
 * one count across instances.
 */
@ApplicationScoped
public class BurstLimit {

    private final int capacity;
    private final double perNano;
    private final Cache<String, Bucket> buckets;

    public BurstLimit(GatewayConfig config) {
        this.capacity = config.burst().capacity();
        this.perNano = config.burst().perSecond() / 1e9;
        long refillSeconds = (long) Math.ceil(capacity / config.burst().perSecond());
        this.buckets = Caffeine.newBuilder().expireAfterAccess(Duration.ofSeconds(Math.max(1, refillSeconds)))
                .maximumSize(1_000_000).build();
    }

    /** 0 when the caller may call now (and the call is taken from their bucket), else the seconds to wait. */
    public long secondsToWait(String caller) {
        return buckets.get(caller, key -> new Bucket(capacity)).take(System.nanoTime(), capacity, perNano);
    }

    private static final class Bucket {

        private double tokens;
        private long refilledAt = System.nanoTime();

        Bucket(int capacity) {
            this.tokens = capacity;
        }

        synchronized long take(long now, int capacity, double perNano) {
            tokens = Math.min(capacity, tokens + (now - refilledAt) * perNano);
            refilledAt = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - tokens) / perNano / 1e9));
        }
    }
}
