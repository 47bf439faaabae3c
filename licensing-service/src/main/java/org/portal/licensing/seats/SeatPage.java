package org.portal.licensing.seats;

import java.util.List;

/** One page of a license's seats, oldest first, with the license's totals. */
public record SeatPage(List<SeatView> items, int offset, int limit, long taken, int seats, long overLimit) {
}
