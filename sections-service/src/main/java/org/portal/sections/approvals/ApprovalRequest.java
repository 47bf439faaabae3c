package org.portal.sections.approvals;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A record sent for approval; {@code state} is pending until all approve or one rejects. */
@Entity
@Table(name = "approval_requests")
public class ApprovalRequest extends PanacheEntityBase {

    public static final String PENDING = "pending";

    @Id
    public UUID id;
    public UUID recordId;
    public String sectionCode;
    public UUID accountId;
    public String requestedBy;
    public String message;
    public String state;
    public Instant createdAt;
    public Instant completedAt;
}
