package org.portal.problem;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * An RFC 9457 problem details body. {@code type} is stable per kind of problem so that clients can
 * branch on it; {@code detail} is for people. {@code errors} lists offending fields of a bad request,
 * {@code extensions} carries problem-specific members (for example the section a 403 is about).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance,
        List<FieldError> errors, @com.fasterxml.jackson.annotation.JsonAnyGetter Map<String, Object> extensions) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_PREFIX = "urn:portal:problem:";

    public record FieldError(String field, String message) {
    }

    public static Problem of(ProblemType type, String detail) {
        return new Problem(type.uri(), type.title(), type.status(), detail, null, List.of(), Map.of());
    }

    public Problem withInstance(String instance) {
        return new Problem(type, title, status, detail, instance, errors, extensions);
    }

    public Problem withErrors(List<FieldError> fieldErrors) {
        return new Problem(type, title, status, detail, instance, fieldErrors, extensions);
    }

    public Problem withExtensions(Map<String, Object> members) {
        return new Problem(type, title, status, detail, instance, errors, members);
    }
}
