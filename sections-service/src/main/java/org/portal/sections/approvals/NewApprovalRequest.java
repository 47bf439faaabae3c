package org.portal.sections.approvals;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/** The portal users of the record's account who are to approve it, and a word for them. */
public record NewApprovalRequest(@NotEmpty @Size(max = 10) List<@NotNull UUID> approvers, @Size(max = 2000) String message) {
}
