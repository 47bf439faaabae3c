package org.portal.users.invitations;

import java.time.Instant;
import java.util.UUID;

import org.portal.users.users.AccessScope;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An invitation as administrators see it. {@code code} is shown once, in the answer to its creation,
 * for the administrator to pass on; only its hash is kept.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record InvitationView(UUID id, String email, String displayName, UUID accountId, AccessScope accessScope,
        String edition, String invitedBy, Instant createdAt, Instant expiresAt, Instant acceptedAt, UUID acceptedBy,
        String code, Boolean setupEmailSent) {

    public static InvitationView from(Invitation i) {
        return new InvitationView(i.id, i.email, i.displayName, i.accountId, i.accessScope, i.edition, i.invitedBy,
                i.createdAt, i.expiresAt, i.acceptedAt, i.acceptedBy, null, null);
    }

    public InvitationView withCode(String newCode, boolean emailSent) {
        return new InvitationView(id, email, displayName, accountId, accessScope, edition, invitedBy, createdAt,
                expiresAt, acceptedAt, acceptedBy, newCode, emailSent);
    }
}
