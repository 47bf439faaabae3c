package org.portal.sections.audit;

import java.io.IOException;
import java.io.Writer;

import org.portal.audit.AuditEntry;
import org.portal.sections.csv.Csv;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Audit entries as CSV: a header line, then one line per entry with its before and after as JSON text. */
final class AuditCsv {

    static final String HEADER = "at,service,actor,actorName,action,targetType,targetId,accountId,before,after,requestId";

    private AuditCsv() {
    }

    static void header(Writer out) throws IOException {
        out.write(HEADER + "\r\n");
    }

    /** One entry; its before and after as JSON text, written with {@code json}. */
    static void line(Writer out, AuditEntry e, ObjectMapper json) throws IOException {
        Csv.line(out, e.at(), e.service(), e.actor(), e.actorName(), e.action(), e.targetType(), e.targetId(),
                e.accountId(), e.before() == null ? null : json.writeValueAsString(e.before()),
                e.after() == null ? null : json.writeValueAsString(e.after()), e.requestId());
    }
}
