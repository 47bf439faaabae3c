package org.portal.users.licensing;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** A portal user's entitlement as licensing-service states it. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EntitlementView(String licenseId, String edition, String mainProduct, List<SectionGrant> sections,
        int customSectionLimit, int dailyCallLimit, LocalDate validFrom, LocalDate validUntil) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SectionGrant(String code, Set<String> operations) {
    }
}
