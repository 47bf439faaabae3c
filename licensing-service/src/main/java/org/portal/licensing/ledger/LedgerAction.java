package org.portal.licensing.ledger;

/** What a ledger line records; {@link #code} is what is stored and shown. */
public enum LedgerAction {
    LICENSE_IMPORTED("license-imported"),
    LICENSE_REPLACED("license-replaced"),
    SEAT_ASSIGNED("seat-assigned"),
    SEAT_REVOKED("seat-revoked"),
    SEAT_OVER_LIMIT("seat-over-limit"),
    SEAT_WITHIN_LIMIT("seat-within-limit");

    public final String code;

    LedgerAction(String code) {
        this.code = code;
    }
}
