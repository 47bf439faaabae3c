package org.portal.licensing.ledger;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.portal.audit.AuditTrail;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class SeatLedger {

    private final Clock clock;
    private final AuditTrail audit;

    public SeatLedger(Clock clock, AuditTrail audit) {
        this.clock = clock;
        this.audit = audit;
    }

    /**
     * Records an event in the caller's transaction, so the ledger and the change commit together. A
     * seat's event goes to the audit trail too (a license's import is audited with its terms by the
     * import itself).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(LedgerAction action, String licenseId, UUID userId, String actor, String detail) {
        LedgerEntry entry = new LedgerEntry();
        entry.at = Instant.now(clock);
        entry.actor = actor;
        entry.action = action.code;
        entry.licenseId = licenseId;
        entry.userId = userId;
        entry.detail = detail;
        entry.persist();
        if (action.auditCode != null) {
            audit.recordOnBehalfOf(actor, action.auditCode, "seat", userId, null, null,
                    new SeatEvent(licenseId, detail));
        }
    }

    /** A seat's event as the audit trail keeps it. */
    private record SeatEvent(String licenseId, String detail) {
    }

    /** Newest first; filtered by license and/or user when given. */
    @Transactional
    public LedgerPage page(String licenseId, UUID userId, int offset, int limit) {
        List<String> where = new ArrayList<>();
        Parameters parameters = new Parameters();
        if (licenseId != null) {
            where.add("licenseId = :licenseId");
            parameters.and("licenseId", licenseId);
        }
        if (userId != null) {
            where.add("userId = :userId");
            parameters.and("userId", userId);
        }
        var query = where.isEmpty()
                ? LedgerEntry.<LedgerEntry> findAll(Sort.descending("id"))
                : LedgerEntry.<LedgerEntry> find(String.join(" and ", where), Sort.descending("id"), parameters);
        List<LedgerPage.Line> lines = query.range(offset, offset + limit - 1).list().stream().map(LedgerPage.Line::from)
                .toList();
        return new LedgerPage(lines, offset, limit, query.count());
    }
}
