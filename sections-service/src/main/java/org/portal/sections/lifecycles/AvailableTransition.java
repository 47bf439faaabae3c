package org.portal.sections.lifecycles;

/** A transition the caller may take from the record's state now: its name, and the state it leads to. */
public record AvailableTransition(String name, String to, String label) {
}
