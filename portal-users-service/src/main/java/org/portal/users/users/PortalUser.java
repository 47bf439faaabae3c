package org.portal.users.users;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An external person using the portal, linked to their identity at the OIDC provider by subject. */
@Entity
@Table(name = "portal_users")
public class PortalUser extends PanacheEntityBase {

    @Id
    public UUID id;
    public String subject;
    public String email;
    public String displayName;
    public UUID accountId;
    @Enumerated(EnumType.STRING)
    public UserStatus status;
    @Enumerated(EnumType.STRING)
    public AccessScope accessScope;
    public boolean accountAdmin;
    /** Blocked by a portal administrator: an account administrator cannot unblock them. */
    public boolean blockedByStaff;
    public Instant createdAt;
    public Instant updatedAt;
    @JdbcTypeCode(SqlTypes.JSON)
    public Preferences preferences;
    @Version
    public long version;

    public static Optional<PortalUser> bySubject(String subject) {
        return find("subject", subject).firstResultOptional();
    }
}
