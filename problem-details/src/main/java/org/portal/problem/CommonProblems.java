package org.portal.problem;

/** Problem kinds every service can raise. */
public final class CommonProblems {

    public static final ProblemType BAD_REQUEST = new ProblemType("bad-request", "Bad request", 400);
    public static final ProblemType VALIDATION = new ProblemType("validation", "Invalid request content", 400);
    public static final ProblemType UNAUTHORIZED = new ProblemType("unauthorized", "Authentication required", 401);
    public static final ProblemType FORBIDDEN = new ProblemType("forbidden", "Not allowed", 403);
    public static final ProblemType NOT_FOUND = new ProblemType("not-found", "Not found", 404);
    public static final ProblemType METHOD_NOT_ALLOWED = new ProblemType("method-not-allowed", "Method not allowed", 405);
    public static final ProblemType NOT_ACCEPTABLE = new ProblemType("not-acceptable", "Not acceptable", 406);
    public static final ProblemType CONFLICT = new ProblemType("conflict", "Conflict", 409);
    public static final ProblemType URI_TOO_LONG = new ProblemType("uri-too-long", "URI too long", 414);
    public static final ProblemType UNSUPPORTED_MEDIA_TYPE = new ProblemType("unsupported-media-type", "Unsupported media type",
            415);
    public static final ProblemType UNPROCESSABLE = new ProblemType("unprocessable", "Request cannot be processed", 422);
    public static final ProblemType INTERNAL = new ProblemType("internal", "Internal error", 500);
    public static final ProblemType UNAVAILABLE = new ProblemType("unavailable", "Service unavailable", 503);

    private CommonProblems() {
    }

    /** The common kind for a status that no more specific kind covers. */
    public static ProblemType forStatus(int status) {
        return switch (status) {
            case 400 -> BAD_REQUEST;
            case 401 -> UNAUTHORIZED;
            case 403 -> FORBIDDEN;
            case 404 -> NOT_FOUND;
            case 405 -> METHOD_NOT_ALLOWED;
            case 406 -> NOT_ACCEPTABLE;
            case 409 -> CONFLICT;
            case 414 -> URI_TOO_LONG;
            case 415 -> UNSUPPORTED_MEDIA_TYPE;
            case 422 -> UNPROCESSABLE;
            case 503 -> UNAVAILABLE;
            default -> status >= 500 ? INTERNAL : new ProblemType("http-" + status, "HTTP " + status, status);
        };
    }
}
