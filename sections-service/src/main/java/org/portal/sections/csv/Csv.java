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

/**
 * CSV as exports here write it (RFC 4180): CRLF line ends; a value is quoted when it holds a comma,
 * quote or line break; one that a spreadsheet would run as a formula (starting with =, +, -, @, tab or
 * carriage return) is prefixed with an apostrophe, since exported values carry text users typed.
 */
public final class Csv {

    private Csv() {
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
