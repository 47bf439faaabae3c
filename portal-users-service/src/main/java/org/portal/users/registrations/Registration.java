package org.portal.users.registrations;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A person's request to use the portal, and the decision on it. */
@Entity
@Table(name = "registrations")
public class Registration extends PanacheEntityBase {

    public static final String PENDING = "pending";
    public static final String APPROVED = "approved";
    public static final String REJECTED = "rejected";

    @Id
    public UUID id;
    public String subject;
    public String email;
    public String displayName;
    public String companyName;
    public String phone;
    public String message;
    public UUID accountId;
    public UUID userId;
    public String status;
    public Instant createdAt;
    public Instant decidedAt;
    public String decidedBy;
    public String decisionNote;
    @Version
    public long version;
}
