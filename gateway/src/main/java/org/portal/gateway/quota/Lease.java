package org.portal.gateway.quota;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The call numbers one gateway took from a user's shared counter for a day and has not handed out
 * yet: ranges as Redis granted them, taken one number per admitted call. Only one look-up for a new
 * range asks for many numbers at a time ({@link #startAsking}), so a burst of calls that find the lease
 * empty does not lease a range each.
 */
final class Lease {

    private final Deque<long[]> ranges = new ArrayDeque<>();
    private boolean asking;
    private int limit;
    private long lastUsedNanos = System.nanoTime();

    /** The next number, or -1 when none is left. */
    synchronized long take() {
        while (!ranges.isEmpty()) {
            long[] range = ranges.peekFirst();
            if (range[0] <= range[1]) {
                lastUsedNanos = System.nanoTime();
                return range[0]++;
            }
            ranges.pollFirst();
        }
        return -1;
    }

    synchronized void add(long first, long last, int limit) {
        this.limit = limit;
        if (first <= last) {
            ranges.addLast(new long[] { first, last });
        }
    }

    /** True for the one caller that may ask for a whole lease now; others ask for their own call only. */
    synchronized boolean startAsking() {
        if (asking) {
            return false;
        }
        asking = true;
        return true;
    }

    synchronized void doneAsking() {
        asking = false;
    }

    /** Empties the lease when it has not been used for the time given; answers how many numbers it held. */
    synchronized long releaseIfIdle(long idleNanos) {
        if (System.nanoTime() - lastUsedNanos < idleNanos) {
            return 0;
        }
        return releaseAll();
    }

    synchronized long releaseAll() {
        long left = outstanding();
        ranges.clear();
        return left;
    }

    /** The user's daily limit when this gateway last took numbers: a give-back from at or above it frees calls. */
    synchronized int limit() {
        return limit;
    }

    synchronized long outstanding() {
        long left = 0;
        for (long[] range : ranges) {
            left += Math.max(0, range[1] - range[0] + 1);
        }
        return left;
    }
}
