package org.portal.problem;

import java.util.List;
import java.util.Map;

/**
 * A domain failure that the caller should see as a problem response. Services throw subclasses named
 * for what went wrong; one mapper turns every one of them into problem+json.
 */
public class ProblemException extends RuntimeException {

    private final ProblemType type;
    private final Map<String, Object> extensions;
    private final List<Problem.FieldError> errors;

    public ProblemException(ProblemType type, String detail) {
        this(type, detail, Map.of());
    }

    public ProblemException(ProblemType type, String detail, Map<String, Object> extensions) {
        this(type, detail, extensions, List.of());
    }

    protected ProblemException(ProblemType type, String detail, Map<String, Object> extensions,
            List<Problem.FieldError> errors) {
        super(detail, null, false, false);
        this.type = type;
        this.extensions = extensions;
        this.errors = errors;
    }

    public ProblemType type() {
        return type;
    }

    public Problem toProblem() {
        return Problem.of(type, getMessage()).withExtensions(extensions).withErrors(errors);
    }
}
