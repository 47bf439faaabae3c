package org.portal.licensing.ledger;

/** What a ledger line records; {@link #code} is what is stored and shown. */
public enum LedgerAction {
    LICENSE_IMPORTED("license-imported", null),
    LICENSE_REPLACED("license-replaced", null),
    SEAT_ASSIGNED("seat-assigned", "seat.given"),
    SEAT_REVOKED("seat-revoked", "seat.taken"),
    SEAT_OVER_LIMIT("seat-over-limit", "seat.rebalanced"),
    SEAT_WITHIN_LIMIT("seat-within-limit", "seat.rebalanced");

    public final String code;
    /** Its action in the audit trail; null where the trail records the change another way. */
    final String auditCode;

    LedgerAction(String code, String auditCode) {
        this.code = code;
        this.auditCode = auditCode;
    }
}
