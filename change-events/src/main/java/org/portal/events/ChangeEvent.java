package org.portal.events;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A fact that another service caches has changed: readers drop what they hold for these ids. Events
 * carry ids only, never the new state, so a reader always reloads from the owner. Caches also expire
 * by time, so a lost event heals by itself.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record ChangeEvent(String kind, UUID userId, String subject, String licenseId, String section) {

    public static final String USER_CHANGED = "user-changed";
    public static final String SEAT_CHANGED = "seat-changed";
    public static final String LICENSE_CHANGED = "license-changed";
    public static final String SECTIONS_CHANGED = "sections-changed";
    public static final String QUOTA_CHANGED = "quota-changed";

    public static ChangeEvent seatChanged(UUID userId, String licenseId) {
        return new ChangeEvent(SEAT_CHANGED, userId, null, licenseId, null);
    }

    public static ChangeEvent licenseChanged(String licenseId) {
        return new ChangeEvent(LICENSE_CHANGED, null, null, licenseId, null);
    }

    public static ChangeEvent userChanged(UUID userId, String subject) {
        return new ChangeEvent(USER_CHANGED, userId, subject, null, null);
    }

    public static ChangeEvent quotaChanged(UUID userId) {
        return new ChangeEvent(QUOTA_CHANGED, userId, null, null, null);
    }

    public static ChangeEvent sectionsChanged(String section) {
        return new ChangeEvent(SECTIONS_CHANGED, null, null, null, section);
    }
}
