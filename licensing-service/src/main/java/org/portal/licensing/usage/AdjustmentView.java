package org.portal.licensing.usage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

public record AdjustmentView(long id, UUID userId, LocalDate day, int callsBefore, int callsAfter, String actor,
        String reason, Instant at) {
}
