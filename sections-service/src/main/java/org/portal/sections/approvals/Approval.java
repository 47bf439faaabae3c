package org.portal.sections.approvals;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One approver's part in a request: undecided until they approve or reject. */
@Entity
@Table(name = "approvals")
public class Approval extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID requestId;
    public UUID approverUserId;
    @Enumerated(EnumType.STRING)
    public ApprovalDecision decision;
    public String comment;
    public Instant decidedAt;
}
