package org.portal.gateway.quota;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The call numbers one gateway took from a user's shared counter for a day and has not handed out
 * yet: ranges as Redis granted them, taken one number per admitted call. Only one look-up for a new
 * range asks for many numbers at a time ({@link #startAsking}), so a burst of calls that find the lease
 * empty does not lease a range each; they wait for that range ({@link #sharedAskUnderWay}) instead of each asking
 * Redis for one number. A busy user's next range is asked for while half a lease is still left
 * ({@link #startAskingAhead}), so their calls find numbers here rather than wait for that round trip.
 * A lease is sized to the user's pace ({@link #size}): about {@code span} of their calls, never fewer
 * than the smallest size nor more than the largest, and at most twice the last. It also counts the calls
 * admitted with its counter's numbers until they are reported ({@link #report}): the shared counter
 * includes numbers leased and not used, so the usage copy reads the reported calls instead.
 */
final class Lease {

    private final int smallest;
    private final int largest;
    private final long spanMillis;
    private final Clock clock;
    /** How many numbers the next look-up for a whole lease asks for. */
    private int size;
    /** Numbers handed out since the last whole lease was granted, and when that was (-1: none yet). */
    private long takenSinceGrant;
    private long lastGrantMillis = -1;
    /** Calls admitted with numbers of this counter, here or by a look-up's own call, and not yet reported. */
    private long unreported;
    private final Deque<long[]> ranges = new ArrayDeque<>();
    /** Completes when the look-up under way for a whole lease ends (true: Redis answered); null while none is. */
    private CompletableFuture<Boolean> asking;
    /** Whether the last look-up for a whole lease brought numbers for other calls: near the limit it brings none. */
    private boolean lastAskShared = true;
    /** Whether the last look-up for a whole lease got all it asked for: far from the limit, where asking ahead pays. */
    private boolean lastAskFull;
    private int limit;
    private long lastUsedNanos = System.nanoTime();

    /**
     * A lease of {@code smallest} numbers per look-up at first, growing for a busy user towards what they
     * call in {@code span}, up to {@code largest}.
     */
    Lease(int smallest, int largest, Duration span, Clock clock) {
        this.smallest = smallest;
        this.largest = Math.max(smallest, largest);
        this.spanMillis = span.toMillis();
        this.clock = clock;
        this.size = smallest;
    }

    /** How many numbers the next look-up for a whole lease asks for. */
    synchronized int size() {
        return size;
    }

    /** The next number, or -1 when none is left. */
    synchronized long take() {
        while (!ranges.isEmpty()) {
            long[] range = ranges.peekFirst();
            if (range[0] <= range[1]) {
                lastUsedNanos = System.nanoTime();
                takenSinceGrant++;
                unreported++;
                return range[0]++;
            }
            ranges.pollFirst();
        }
        return -1;
    }

    /** A call was admitted with the number its own look-up brought, not with one of the lease's. */
    synchronized void handedOut() {
        lastUsedNanos = System.nanoTime();
        unreported++;
    }

    /** The calls admitted since the last report, which the caller now reports; counting starts again. */
    synchronized long report() {
        long calls = unreported;
        unreported = 0;
        return calls;
    }

    /** A report that never reached Redis: its calls go with the next one. */
    synchronized void unreport(long calls) {
        unreported += calls;
    }

    /**
     * The numbers a look-up for a whole lease brought for other calls than the one that asked (none:
     * first > last), out of the {@code granted} it took.
     */
    synchronized void add(long first, long last, long granted, int limit) {
        this.limit = limit;
        this.lastAskShared = first <= last;
        this.lastAskFull = granted >= size;
        if (first <= last) {
            ranges.addLast(new long[] { first, last });
        }
        long now = clock.millis();
        if (lastGrantMillis >= 0) {
            size = paced(now - lastGrantMillis);
        }
        lastGrantMillis = now;
        takenSinceGrant = 0;
    }

    /**
     * The size that holds about a span of the calls made since the last grant, over {@code elapsed}
     * milliseconds: growing at most twofold per grant (a burst is not a pace), shrinking at once.
     */
    private int paced(long elapsed) {
        long pace = elapsed <= 0 ? Long.MAX_VALUE : takenSinceGrant * spanMillis / elapsed;
        return (int) Math.max(smallest, Math.min(pace, Math.min(2L * size, largest)));
    }

    /** True for the one caller that may ask for a whole lease now; others ask for their own call only. */
    synchronized boolean startAsking() {
        if (asking != null) {
            return false;
        }
        asking = new CompletableFuture<>();
        return true;
    }

    /**
     * True when the next whole lease should be asked for now, by no call in particular: half a lease or
     * less is left, the last look-up got a whole lease (so the user is far from the limit) and none is
     * under way. The numbers held stay below one and a half leases.
     */
    synchronized boolean startAskingAhead() {
        if (asking != null || !lastAskFull || outstanding() > size / 2) {
            return false;
        }
        asking = new CompletableFuture<>();
        return true;
    }

    /** Ends the look-up for a whole lease: the callers waiting for it learn whether Redis answered. */
    void doneAsking(boolean answered) {
        CompletableFuture<Boolean> done;
        synchronized (this) {
            done = asking;
            asking = null;
        }
        if (done != null) {
            done.complete(answered);
        }
    }

    /**
     * The look-up for a whole lease under way, when waiting for it is worth it: not when the last one
     * brought no numbers beyond its own call's (near the limit), where every call asks for its own.
     */
    synchronized Optional<CompletionStage<Boolean>> sharedAskUnderWay() {
        return lastAskShared ? Optional.ofNullable(asking) : Optional.empty();
    }

    /** Empties the lease when it has not been used for the time given. */
    synchronized Released releaseIfIdle(long idleNanos) {
        if (System.nanoTime() - lastUsedNanos < idleNanos) {
            return Released.NOTHING;
        }
        return releaseAll();
    }

    /**
     * Empties the lease, its unreported calls reported with it; the next one starts from the smallest size,
     * as for a user whose pace is not known.
     */
    synchronized Released releaseAll() {
        long left = outstanding();
        ranges.clear();
        size = smallest;
        lastGrantMillis = -1;
        return new Released(left, report());
    }

    /** What an emptied lease gives back: numbers it held and did not hand out, and calls not yet reported. */
    record Released(long unused, long calls) {
        static final Released NOTHING = new Released(0, 0);

        boolean any() {
            return unused > 0 || calls > 0;
        }
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
