package org.portal.sections.records;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A record as the API shows it; {@code values} holds its section's fields. {@code status} is its
 * lifecycle state (null in a section without one), entered at {@code statusChangedAt}.
 */
public record RecordView(UUID id, String section, UUID accountId, UUID ownerUserId, UUID contactUserId, String status,
        Instant statusChangedAt, JsonNode values, long version, String createdBy, Instant createdAt, Instant updatedAt) {
}
