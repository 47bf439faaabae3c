package org.portal.licensing.ledger;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

public record LedgerPage(List<Line> items, int offset, int limit, long total) {

    public record Line(long id, Instant at, String actor, String action, String licenseId, UUID userId, String detail) {
        static Line from(LedgerEntry e) {
            return new Line(e.id, e.at, e.actor, e.action, e.licenseId, e.userId, e.detail);
        }
    }
}
