package org.portal.licensing.seats;

/**
 * Would {@code requested} more seats fit? {@code bindingLimit} names the limit that sets
 * {@code seats}: the license's own count, or a free edition's cap. For a free edition,
 * {@code installationFree} is how many more of its users the installation may have over all its
 * licenses of the edition (null for a paid edition); {@code free} is the smaller of the two.
 */
public record SeatCheck(int requested, boolean fits, long free, long taken, int seats, int seatsInFile,
        String bindingLimit, Long installationFree) {
}
