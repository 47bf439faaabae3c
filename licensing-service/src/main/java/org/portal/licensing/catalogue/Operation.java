package org.portal.licensing.catalogue;

/** What a portal user may do with a section's records. Nothing grants delete to portal users. */
public enum Operation {
    read,
    create,
    edit
}
