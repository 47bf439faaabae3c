package org.portal.licensing.licenses;

import java.time.Instant;
import java.time.LocalDate;

/** What a verified license file says. {@code validUntil} is null for a perpetual license. */
public record LicenseFile(String licenseId, String installation, String mainProduct, int mainProductUsers,
        String edition, int seats, LocalDate validFrom, LocalDate validUntil, Instant issuedAt, String compact) {
}
