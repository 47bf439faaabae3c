package org.portal.sections.records;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

/** One change: {@code changes} maps each changed field to its {@code from} and {@code to}. */
public record HistoryView(long id, Instant at, String actor, String action, JsonNode changes) {
}
