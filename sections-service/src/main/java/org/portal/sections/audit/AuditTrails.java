package org.portal.sections.audit;

import java.util.Comparator;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.portal.audit.AuditCursor;
import org.portal.audit.AuditEntry;
import org.portal.audit.AuditFilter;
import org.portal.audit.AuditPage;

/**
 * The portal's audit trail as one: every service's part merged by time. Each part is ordered the
 * same way and continues below the same cursor, so the merged page is each part's first entries
 * below it, merged, cut to the page size; nothing is skipped or repeated between pages.
 */
@ApplicationScoped
public class AuditTrails {

    private final AuditSources sources;

    public AuditTrails(AuditSources sources) {
        this.sources = sources;
    }

    public AuditPage page(AuditFilter filter, int limit) {
        List<AuditPage> parts = sources.pages(filter, limit);
        List<AuditEntry> merged = parts.stream().flatMap(part -> part.items().stream())
                .sorted(Comparator.comparing(AuditCursor::of)).toList();
        List<AuditEntry> page = merged.stream().limit(limit).toList();
        boolean more = merged.size() > limit || parts.stream().anyMatch(part -> part.next() != null);
        return new AuditPage(page, more && !page.isEmpty() ? AuditCursor.of(page.get(page.size() - 1)).text() : null);
    }
}
