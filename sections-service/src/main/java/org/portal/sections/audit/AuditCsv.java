package org.portal.sections.audit;

import java.io.IOException;
import java.io.Writer;
import java.util.Objects;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.portal.audit.AuditEntry;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Audit entries as CSV (RFC 4180): a header line, then one line per entry, CRLF line ends. A value
 * is quoted when it holds a comma, quote or line break; one that a spreadsheet would run as a formula
 * (starting with =, +, -, @, tab or carriage return) is prefixed with an apostrophe, since entries
 * carry text that users typed.
 */
final class AuditCsv {

    static final String HEADER = "at,service,actor,actorName,action,targetType,targetId,accountId,before,after,requestId";

    private AuditCsv() {
    }

    static void header(Writer out) throws IOException {
        out.write(HEADER + "\r\n");
    }

    /** One entry; its before and after as JSON text, written with {@code json}. */
    static void line(Writer out, AuditEntry e, ObjectMapper json) throws IOException {
        out.write(Stream.of(e.at(), e.service(), e.actor(), e.actorName(), e.action(), e.targetType(), e.targetId(),
                e.accountId(), e.before() == null ? null : json.writeValueAsString(e.before()),
                e.after() == null ? null : json.writeValueAsString(e.after()), e.requestId())
                .map(value -> value == null ? "" : field(Objects.toString(value)))
                .collect(Collectors.joining(",")) + "\r\n");
    }

    static String field(String value) {
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")
                ? "\"" + safe.replace("\"", "\"\"") + "\""
                : safe;
    }
}
