package org.portal.events;

import java.util.Arrays;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A fact that another service caches has changed: readers drop what they hold for these ids. Events
 * carry ids only, never the new state, so a reader always reloads from the owner. Caches also expire
 * by time, so a lost event heals by itself.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChangeEvent(Kind kind, UUID userId, String subject, String licenseId, String section) {

    /** What changed; on the wire its code. */
    public enum Kind {
        USER_CHANGED("user-changed"),
        SEAT_CHANGED("seat-changed"),
        LICENSE_CHANGED("license-changed"),
        SECTIONS_CHANGED("sections-changed"),
        QUOTA_CHANGED("quota-changed"),
        QUOTA_FREED("quota-freed"),
        KNOWLEDGE_CHANGED("knowledge-changed");

        private final String code;

        Kind(String code) {
            this.code = code;
        }

        @JsonValue
        public String code() {
            return code;
        }

        /** A kind this version does not know (a newer publisher's) reads as null, and readers pass over it. */
        @JsonCreator
        public static Kind of(String code) {
            return Arrays.stream(values()).filter(kind -> kind.code.equals(code)).findFirst().orElse(null);
        }
    }

    public static ChangeEvent seatChanged(UUID userId, String licenseId) {
        return new ChangeEvent(Kind.SEAT_CHANGED, userId, null, licenseId, null);
    }

    public static ChangeEvent licenseChanged(String licenseId) {
        return new ChangeEvent(Kind.LICENSE_CHANGED, null, null, licenseId, null);
    }

    public static ChangeEvent userChanged(UUID userId, String subject) {
        return new ChangeEvent(Kind.USER_CHANGED, userId, subject, null, null);
    }

    public static ChangeEvent quotaChanged(UUID userId) {
        return new ChangeEvent(Kind.QUOTA_CHANGED, userId, null, null, null);
    }

    /**
     * Calls a gateway had leased went back to a user's counter that was at its limit: gateways that
     * refused the user may admit again. Unlike {@link #quotaChanged}, leases held elsewhere stay valid.
     */
    public static ChangeEvent quotaFreed(UUID userId) {
        return new ChangeEvent(Kind.QUOTA_FREED, userId, null, null, null);
    }

    /** An article was written, changed or removed: every replica's knowledge base pages are stale. */
    public static ChangeEvent knowledgeChanged() {
        return new ChangeEvent(Kind.KNOWLEDGE_CHANGED, null, null, null, null);
    }

    public static ChangeEvent sectionsChanged(String section) {
        return new ChangeEvent(Kind.SECTIONS_CHANGED, null, null, null, section);
    }
}
