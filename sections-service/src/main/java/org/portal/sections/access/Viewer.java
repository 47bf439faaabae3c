package org.portal.sections.access;

import java.util.UUID;

/**
 * Who reads or writes records: staff (agents, administrators) reach every account; a portal user
 * reaches their own account's records, or with scope {@code own} only those they created or that
 * name them as contact.
 */
public record Viewer(String subject, boolean staff, UUID userId, UUID accountId, boolean ownScope) {

    public static Viewer staff(String subject) {
        return new Viewer(subject, true, null, null, false);
    }
}
