package org.portal.sections.cases;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@Table(name = "case_comments")
public class CaseComment extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID recordId;
    public String authorSubject;
    public UUID authorUserId;
    public String authorRole;
    public boolean internal;
    public String body;
    public Instant createdAt;
}
