package org.portal.sections.records;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;

/** One change: {@code changes} maps each changed field to its {@code from} and {@code to}. */
public record HistoryView(long id, Instant at, String actor, String action, JsonNode changes) {
}
