package org.portal.sections.attachments;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A file as callers see it; its bytes are at {@code GET .../attachments/{id}}. */
public record AttachmentView(UUID id, UUID recordId, @JsonInclude(JsonInclude.Include.NON_NULL) UUID commentId,
        String fileName, String contentType, long size, String sha256, String uploadedBy, Instant createdAt) {

    static AttachmentView from(Attachment a) {
        return new AttachmentView(a.id, a.recordId, a.commentId, a.fileName, a.contentType, a.size, a.sha256, a.uploadedBy,
                a.createdAt);
    }
}
