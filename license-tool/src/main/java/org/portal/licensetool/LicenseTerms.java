package org.portal.licensetool;

import java.time.LocalDate;

/** The terms a vendor writes into a license file. {@code validUntil} null means perpetual. */
public record LicenseTerms(String licenseId, String installation, String mainProduct, int mainProductUsers,
        String edition, int seats, LocalDate validFrom, LocalDate validUntil) {
}
