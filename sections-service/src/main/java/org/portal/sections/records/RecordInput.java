package org.portal.sections.records;

import java.util.Map;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The values of a record to create or edit, and for staff only the account it belongs to and the
 * portal user it names as contact; a portal user's records belong to their own account.
 */
public record RecordInput(@NotNull @Size(max = 200) Map<String, JsonNode> values, UUID accountId, UUID contactUserId) {
}
