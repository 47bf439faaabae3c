package org.portal.sections.csv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

/**
 * CSV as exports here write it (RFC 4180): CRLF line ends; a value is quoted when it holds a comma,
 * quote or line break; one that a spreadsheet would run as a formula (starting with =, +, -, @, tab or
 * carriage return) is prefixed with an apostrophe, since exported values carry text users typed.
 */
public final class Csv {

    public static final String MEDIA_TYPE = "text/csv";

    private Csv() {
    }

    /** Whether the caller asked for CSV rather than JSON (an Accept naming both gets JSON). */
    public static boolean wanted(String accept) {
        return accept != null && accept.contains(MEDIA_TYPE) && !accept.contains(MediaType.APPLICATION_JSON);
    }

    /** A CSV answer saved as {@code <name>.csv}. */
    public static Response attachment(StreamingOutput body, String name) {
        return Response.ok(body, MEDIA_TYPE + "; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + name + ".csv\"").build();
    }

    /** One line of values; null is an empty field. */
    public static void line(Writer out, Object... values) throws IOException {
        out.write(Arrays.stream(values).map(value -> value == null ? "" : field(Objects.toString(value)))
                .collect(Collectors.joining(",")) + "\r\n");
    }

    /** Records as a table: a header of their component names, then one line per record. */
    public static <R extends Record> void table(Writer out, Class<R> type, List<R> rows) throws IOException {
        RecordComponent[] components = type.getRecordComponents();
        line(out, Arrays.stream(components).map(RecordComponent::getName).toArray());
        for (R row : rows) {
            line(out, Arrays.stream(components).map(component -> value(component, row)).toArray());
        }
    }

    static String field(String value) {
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return safe.contains(",") || safe.contains("\"") || safe.contains("\n") || safe.contains("\r")
                ? "\"" + safe.replace("\"", "\"\"") + "\""
                : safe;
    }

    private static Object value(RecordComponent component, Record row) {
        try {
            return component.getAccessor().invoke(row);
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new UncheckedIOException(new IOException("Cannot read " + component.getName(), e));
        }
    }
}
