package org.portal.licensing.entitlements;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.portal.licensing.catalogue.Operation;

/** What a portal user's seat entitles them to: the facts the gateway enforces on every call. */
public record Entitlement(UUID userId, String licenseId, String edition, String mainProduct,
        List<SectionGrant> sections, int customSectionLimit, int dailyCallLimit, LocalDate validFrom,
        LocalDate validUntil) {

    public record SectionGrant(String code, Set<Operation> operations) {
    }
}
