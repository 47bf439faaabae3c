package org.portal.gateway.quota;

import java.net.ConnectException;
import java.time.Clock;
import java.time.Duration;

import io.quarkus.logging.Log;

/**
 * Tells when Redis is gone rather than slow: after {@code threshold} failures in a row the breaker
 * opens, and counted calls are decided by the outage policy without asking Redis, until a probe
 * call after {@code openFor} succeeds. One slow reply never opens it. The change of state is logged
 * once each way, and the breaker stays open at least {@code openFor}, so a flapping Redis logs at
 * most one pair per period.
 */
final class RedisBreaker {

    private final int threshold;
    private final Duration openFor;
    private final Clock clock;
    private final String policy;
    private int failuresInARow;
    private boolean open;
    private long probeAt;

    RedisBreaker(int threshold, Duration openFor, Clock clock, String policy) {
        this.threshold = threshold;
        this.openFor = openFor;
        this.clock = clock;
        this.policy = policy;
    }

    /** Whether to ask Redis: always while closed; while open, one probe per period. */
    synchronized boolean allowsCall() {
        if (!open) {
            return true;
        }
        long now = clock.millis();
        if (now < probeAt) {
            return false;
        }
        probeAt = now + openFor.toMillis();
        return true;
    }

    synchronized void succeeded() {
        failuresInARow = 0;
        if (open) {
            open = false;
            Log.info("Redis counts calls again; the daily quota is enforced");
        }
    }

    synchronized void failed(Throwable failure) {
        failuresInARow++;
        if (!open && failuresInARow >= threshold) {
            open = true;
            probeAt = clock.millis() + openFor.toMillis();
            Log.errorf("Redis failed %d times in a row (last: %s); failing %s until a probe succeeds", failuresInARow,
                    failure.toString(), policy);
        }
    }

    synchronized boolean isOpen() {
        return open;
    }

    /** A refused connection: the command never reached Redis, so it was certainly not counted. */
    static boolean neverSent(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ConnectException) {
                return true;
            }
        }
        return false;
    }
}
