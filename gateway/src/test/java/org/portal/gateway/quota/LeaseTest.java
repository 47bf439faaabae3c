package org.portal.gateway.quota;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.portal.testsupport.MutableClock;

/**
 * How a lease is sized to its user's pace (32 numbers at least, 100 ms of calls, 1,024 at most), and how it
 * counts the calls made with its numbers until they are reported.
 */
class LeaseTest {

    private static final int LIMIT = 1_000_000;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-05T10:00:00Z"));
    private final Lease lease = new Lease(32, 1024, Duration.ofMillis(100), clock);
    private long next = 1;

    /** Redis grants the whole lease asked for; {@code calls} of its numbers are then taken over {@code millis}. */
    private void grantThenCall(int calls, long millis) {
        int asked = lease.size();
        lease.add(next, next + asked - 1, asked, LIMIT);
        next += asked;
        for (int i = 0; i < calls; i++) {
            assertTrue(lease.take() > 0);
        }
        clock.advance(Duration.ofMillis(millis));
    }

    /** Whole leases used up {@code millis} apart each, until the lease has its largest size. */
    private void growToLargest(long millis) {
        for (int grant = 0; grant < 6; grant++) {
            grantThenCall(lease.size(), millis);
        }
        assertEquals(1024, lease.size(), "32, then doubled five times");
    }

    @Test
    void aBusyUsersLeaseDoublesPerGrantTowardsASpanOfTheirCalls() {
        assertEquals(32, lease.size(), "the first lease has the smallest size: there is no pace yet");
        // 32 calls in 4 ms: 8,000 a second, 800 in a span.
        grantThenCall(32, 4);
        assertEquals(32, lease.size(), "one grant tells no pace");
        grantThenCall(32, 4);
        assertEquals(64, lease.size());
        grantThenCall(64, 8);
        assertEquals(128, lease.size());
        grantThenCall(128, 16);
        grantThenCall(256, 32);
        assertEquals(512, lease.size());
        grantThenCall(512, 64);
        assertEquals(800, lease.size(), "a span of the user's calls, not another doubling");
    }

    @Test
    void theLeaseStopsAtTheLargestSize() {
        growToLargest(0);
        grantThenCall(lease.size(), 0);
        assertEquals(1024, lease.size());
    }

    @Test
    void aUserWhoSlowsDownGoesBackToSmallLeasesAtOnce() {
        growToLargest(1);
        // 200 calls over 2 s: 10 in a span.
        grantThenCall(200, 2000);
        grantThenCall(0, 0);
        assertEquals(32, lease.size());
    }

    @Test
    void aLeaseGivenBackStartsAgainFromTheSmallestSize() {
        growToLargest(0);
        lease.releaseAll();
        assertEquals(32, lease.size(), "a user idle long enough for the give-back has no pace");
        grantThenCall(32, 0);
        assertEquals(32, lease.size(), "one grant tells no pace");
    }

    @Test
    void theNextLeaseIsAskedForWithHalfOfTheGrownSizeLeft() {
        grantThenCall(16, 4);
        grantThenCall(0, 0);
        assertEquals(64, lease.size());
        assertEquals(48, lease.outstanding(), "16 left of the first lease and the second's 32");
        assertFalse(lease.startAskingAhead());
        for (int i = 0; i < 15; i++) {
            lease.take();
        }
        assertFalse(lease.startAskingAhead(), "33 left, more than half of 64");
        lease.take();
        assertTrue(lease.startAskingAhead(), "32 left, half of 64");
    }

    @Test
    void everyCallAdmittedIsReportedOnceWhateverGaveItItsNumber() {
        grantThenCall(5, 0);
        lease.handedOut();
        assertEquals(6, lease.report(), "five numbers taken from the lease and one a look-up brought its own call");
        assertEquals(0, lease.report(), "reported once");
        lease.take();
        long lost = lease.report();
        lease.unreport(lost);
        lease.take();
        assertEquals(new Lease.Released(25, 2), lease.releaseAll(),
                "the numbers not handed out go back with the calls a look-up that never reached Redis reported");
        assertEquals(Lease.Released.NOTHING, lease.releaseAll());
    }
}
