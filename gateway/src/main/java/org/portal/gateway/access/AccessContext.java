package org.portal.gateway.access;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What the gateway knows about a portal user for authorizing and counting their calls. A user who
 * is not active, or holds no valid seat, has a context too, so that refusals are cached as well.
 */
public record AccessContext(UUID userId, UUID accountId, String status, String edition, String licenseId,
        Map<String, Set<Operation>> grants, int dailyCallLimit) {

    public static AccessContext of(SubjectView subject, Entitlement entitlement) {
        Map<String, Set<Operation>> grants = entitlement.sections().stream()
                .collect(Collectors.toUnmodifiableMap(Entitlement.SectionGrant::code, Entitlement.SectionGrant::operations));
        return new AccessContext(subject.userId(), subject.accountId(), subject.status(), entitlement.edition(),
                entitlement.licenseId(), grants, entitlement.dailyCallLimit());
    }

    public static AccessContext withoutSeat(SubjectView subject) {
        return new AccessContext(subject.userId(), subject.accountId(), subject.status(), null, null, Map.of(), 0);
    }

    public boolean active() {
        return "active".equals(status);
    }

    public boolean hasSeat() {
        return edition != null;
    }

    /** Whether licensing-service granted the operation on this base section. */
    public boolean grants(String section, Operation operation) {
        return grants.getOrDefault(section, Set.of()).contains(operation);
    }
}
