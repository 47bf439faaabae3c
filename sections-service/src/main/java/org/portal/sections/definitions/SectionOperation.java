package org.portal.sections.definitions;

/**
 * What a call does to a section, as editions grant it (docs/product-rules.md's R, C, E; nothing grants delete to
 * portal users). Each endpoint names its own; the gateway reads the same from method and path.
 */
public enum SectionOperation {
    read,
    create,
    edit
}
