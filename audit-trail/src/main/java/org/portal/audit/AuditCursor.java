package org.portal.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import org.portal.problem.InvalidFields;
import org.portal.problem.Problem;

/**
 * A position in the trail: entries are ordered by time, then id, newest first, so a page continues
 * strictly below the last entry it showed, however many entries arrive meanwhile. Every service's
 * trail has the same order, which lets one cursor continue a merged page across them.
 */
public record AuditCursor(Instant at, UUID id) implements Comparable<AuditCursor> {

    public static AuditCursor of(AuditEntry entry) {
        return new AuditCursor(entry.at(), entry.id());
    }

    /** The cursor a client sent back; a 400 problem on the {@code cursor} field when it is not one of ours. */
    public static AuditCursor parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split("/", 2);
            return new AuditCursor(Instant.parse(parts[0]), UUID.fromString(parts[1]));
        } catch (RuntimeException e) {
            throw new InvalidFields(java.util.List.of(new Problem.FieldError("cursor", "is not a cursor this API gave")));
        }
    }

    public String text() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((at + "/" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** Newest first: a cursor is "less" when its entry comes earlier in a page. */
    @Override
    public int compareTo(AuditCursor other) {
        int byTime = other.at.compareTo(at);
        return byTime != 0 ? byTime : other.id.compareTo(id);
    }
}
