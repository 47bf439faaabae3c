package org.portal.sections.approvals;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A record sent for approval; {@code state} is pending until all approve or one rejects. */
@Entity
@Table(name = "approval_requests")
public class ApprovalRequest extends PanacheEntityBase {

    /** Stored by these names; ApprovalStatesTest holds them to the table's CHECK constraint. */
    @Schema(name = "ApprovalState")
    public enum State {
        pending,
        approved,
        rejected
    }

    @Id
    public UUID id;
    public UUID recordId;
    public String sectionCode;
    public UUID accountId;
    public String requestedBy;
    /** Null when staff sent it. */
    public UUID requestedByUserId;
    public String message;
    @Enumerated(EnumType.STRING)
    public State state;
    public Instant createdAt;
    public Instant completedAt;
}
