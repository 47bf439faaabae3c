package org.portal.licensing.seats;

/**
 * Would {@code requested} more seats fit? {@code bindingLimit} names the limit that sets
 * {@code seats}: the license's own count, or a free edition's cap.
 */
public record SeatCheck(int requested, boolean fits, long free, long taken, int seats, int seatsInFile,
        String bindingLimit) {
}
