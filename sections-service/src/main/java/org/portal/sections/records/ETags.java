package org.portal.sections.records;

import java.util.List;

import jakarta.ws.rs.core.EntityTag;

import org.portal.problem.InvalidFields;
import org.portal.problem.Problem;

/** An ETag is the version (of a record, a main page); If-Match names the version a change was made against. */
public final class ETags {

    private ETags() {
    }

    public static EntityTag of(RecordView record) {
        return of(record.version());
    }

    public static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /** The version an If-Match header names, or null when there is none. */
    public static Long version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(ifMatch.strip().replaceFirst("^W/", "").replace("\"", ""));
        } catch (NumberFormatException e) {
            throw new InvalidFields(List.of(new Problem.FieldError("If-Match", "is not an ETag of this API")));
        }
    }
}
