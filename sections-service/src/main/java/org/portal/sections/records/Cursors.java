package org.portal.sections.records;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.portal.problem.InvalidFields;
import org.portal.problem.Problem;

/** Keyset cursors: the last row's sort values, opaque to clients (URL-safe base64 of lines). */
public final class Cursors {

    private Cursors() {
    }

    public static String encode(String... parts) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString(String.join("\n", parts).getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor's parts; anything else than {@code count} parts is a 400 on {@code cursor}. */
    public static String[] decode(String cursor, int count) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\n", count);
            if (parts.length == count) {
                return parts;
            }
        } catch (IllegalArgumentException e) {
            // not base64: the same answer as a wrong shape
        }
        throw invalid();
    }

    public static InvalidFields invalid() {
        return new InvalidFields(List.of(new Problem.FieldError("cursor", "is not a cursor of this list and sort")));
    }
}
