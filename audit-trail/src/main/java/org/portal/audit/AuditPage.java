package org.portal.audit;

import java.util.List;

/** Entries newest first; {@code next} is the cursor of the following page, null on the last. */
public record AuditPage(List<AuditEntry> items, String next) {
}
