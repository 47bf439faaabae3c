package org.portal.sections.attachments;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@Table(name = "attachments")
public class Attachment extends PanacheEntityBase {

    @Id
    public UUID id;
    public UUID recordId;
    public UUID commentId;
    public String fileName;
    public String contentType;
    public long size;
    public String sha256;
    public String objectKey;
    public String uploadedBy;
    public boolean internal;
    public boolean stored;
    public Instant createdAt;
}
