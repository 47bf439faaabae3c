package org.portal.users.invitations;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.portal.users.users.AccessScope;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An invitation of an email address into an account; usable once, until it expires. */
@Entity
@Table(name = "invitations")
public class Invitation extends PanacheEntityBase {

    @Id
    public UUID id;
    public String codeHash;
    public String email;
    public String displayName;
    public UUID accountId;
    @Enumerated(EnumType.STRING)
    public AccessScope accessScope;
    public String edition;
    public String idpSubject;
    public String invitedBy;
    /** Sent by an account administrator: the seat comes out of the account's budget. */
    public boolean seatFromBudget;
    public Instant createdAt;
    public Instant expiresAt;
    public Instant acceptedAt;
    public UUID acceptedBy;
    @Version
    public long version;
}
