package org.portal.sections.access;

import com.fasterxml.jackson.annotation.JsonValue;

/** Who takes a transition: a portal user, or staff in one of their roles. */
public enum Actor {
    PORTAL_USER("portal-user"),
    AGENT("agent"),
    ADMIN("admin");

    private final String code;

    Actor(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }
}
