package org.portal.licensing.licenses;

import java.time.Instant;
import java.time.LocalDate;

public record LicenseView(String id, String edition, String mainProduct, int mainProductUsers, int seatsInFile,
        int seats, LocalDate validFrom, LocalDate validUntil, Instant issuedAt, Instant importedAt, String importedBy) {

    public static LicenseView from(License l) {
        return new LicenseView(l.id, l.editionCode, l.productCode, l.productUsers, l.seatsInFile, l.seats, l.validFrom,
                l.validUntil, l.issuedAt, l.importedAt, l.importedBy);
    }
}
