package org.portal.sections.approvals;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The portal users of the record's account who are to approve it, and a word for them. The schema
 * names the items' class so that the document shows the bounded UUID schema, not an inline one.
 */
public record NewApprovalRequest(
        @NotEmpty @Size(max = 10) @Schema(type = SchemaType.ARRAY, implementation = UUID.class) List<@NotNull UUID> approvers,
        @Size(max = 2000) String message) {
}
