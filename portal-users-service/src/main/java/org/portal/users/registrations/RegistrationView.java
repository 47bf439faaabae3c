package org.portal.users.registrations;

import java.time.Instant;
import java.util.UUID;

public record RegistrationView(UUID id, String email, String displayName, String companyName, String phone,
        String message, UUID accountId, UUID userId, String status, Instant createdAt, Instant decidedAt,
        String decidedBy, String decisionNote) {

    public static RegistrationView from(Registration r) {
        return new RegistrationView(r.id, r.email, r.displayName, r.companyName, r.phone, r.message, r.accountId,
                r.userId, r.status, r.createdAt, r.decidedAt, r.decidedBy, r.decisionNote);
    }
}
