package org.portal.gateway.access;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** licensing-service's answer for a portal user's seat. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Entitlement(UUID userId, String licenseId, String edition, List<SectionGrant> sections,
        int dailyCallLimit) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SectionGrant(String code, Set<Operation> operations) {
    }
}
