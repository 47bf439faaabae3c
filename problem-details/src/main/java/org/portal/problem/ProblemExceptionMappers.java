package org.portal.problem;

import java.io.IOException;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import org.jboss.resteasy.reactive.server.core.multipart.MultipartParser;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;

/** The one place where every failure of a REST resource becomes an RFC 9457 problem. */
public class ProblemExceptionMappers {

    /** A unique key clash: a concurrent writer stored the same key first. */
    static final String UNIQUE_VIOLATION = "23505";
    static final String FOREIGN_KEY_VIOLATION = "23503";

    @ServerExceptionMapper
    public Response domain(ProblemException e, UriInfo uri) {
        return ProblemResponses.of(e.toProblem().withInstance(uri.getPath()));
    }

    @ServerExceptionMapper
    public Response validation(ConstraintViolationException e, UriInfo uri) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        String fields = errors.stream().map(Problem.FieldError::field).distinct().collect(Collectors.joining(", "));
        return ProblemResponses.of(Problem.of(CommonProblems.VALIDATION, "Invalid values for: " + fields)
                .withInstance(uri.getPath()).withErrors(errors));
    }

    // Named one by one: Quarkus ships mappers for some of these subtypes, and the most specific wins.
    @ServerExceptionMapper({ JsonProcessingException.class, MismatchedInputException.class,
            InvalidFormatException.class, UnrecognizedPropertyException.class })
    public Response unreadableJson(JsonProcessingException e, UriInfo uri) {
        Problem problem = Problem.of(CommonProblems.BAD_REQUEST, "The request body is not valid JSON for this operation")
                .withInstance(uri.getPath());
        if (e instanceof StorableJson.UnstorableText unstorable) {
            problem = problem.withErrors(List.of(new Problem.FieldError(
                    unstorable.getPath().isEmpty() ? "" : jsonPath(unstorable.getPath()), unstorable.getOriginalMessage())));
        } else if (e instanceof UnrecognizedPropertyException unknown) {
            problem = problem.withErrors(List.of(new Problem.FieldError(jsonPath(unknown.getPath()), "is not a known field")));
        } else if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = jsonPath(mapping.getPath());
            problem = problem.withErrors(List.of(new Problem.FieldError(field, "has a value of the wrong type or format")));
        }
        return ProblemResponses.of(problem);
    }

    /**
     * A request body that cannot be read: a malformed multipart form, or one cut short. The services'
     * own code reports I/O failures unchecked, so a checked {@link IOException} here is the reading
     * of what the client sent.
     */
    @ServerExceptionMapper({ MultipartParser.MalformedMessageException.class, IOException.class })
    public Response unreadableBody(Exception e, UriInfo uri) {
        return ProblemResponses.of(Problem.of(CommonProblems.BAD_REQUEST,
                "The request body could not be read: it is malformed or was cut short").withInstance(uri.getPath()));
    }

    @ServerExceptionMapper({ UnauthorizedException.class, AuthenticationFailedException.class })
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        return ProblemResponses.of(Problem.of(CommonProblems.UNAUTHORIZED, "A valid bearer access token is required")
                .withInstance(uri.getPath()));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return ProblemResponses.of(Problem.of(CommonProblems.FORBIDDEN, "Your roles do not allow this operation")
                .withInstance(uri.getPath()));
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof JsonProcessingException unreadable) {
            // The JSON reader wraps what is not a mismatched input, so it would lose the field's name.
            return unreadableJson(unreadable, uri);
        }
        if (status >= 500) {
            return unexpected(e, uri);
        }
        ProblemType type = CommonProblems.forStatus(status);
        return ProblemResponses.of(Problem.of(type, describe(status)).withInstance(uri.getPath()));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        Optional<Problem> refused = refusedByDatabase(e);
        if (refused.isPresent()) {
            return ProblemResponses.of(refused.get().withInstance(uri.getPath()));
        }
        // Anything else, a NOT NULL or CHECK constraint among them, is a check this service failed to
        // make before writing: a fault to report, not the caller's to retry.
        String incident = UUID.randomUUID().toString();
        Log.errorf(e, "Unexpected failure on %s (incident %s)", uri.getPath(), incident);
        return ProblemResponses.of(Problem.of(CommonProblems.INTERNAL,
                "The request failed unexpectedly; quote incident " + incident + " when reporting it")
                .withInstance(uri.getPath()));
    }

    /**
     * A lost optimistic-lock race: the database kept the data consistent and the caller may retry.
     * Matched by name so this module needs no JPA.
     */
    private static boolean isConcurrentChange(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            String name = cause.getClass().getName();
            if (name.equals("jakarta.persistence.OptimisticLockException")
                    || name.equals("org.hibernate.StaleObjectStateException")) {
                return true;
            }
        }
        return false;
    }

    /**
     * What a write the database refused means for the caller: a lost race (optimistic lock, or a
     * unique key a concurrent writer stored first) is a conflict to retry; a reference to a row that
     * is gone is unprocessable. Other refusals (NOT NULL, CHECK) are faults of this service: empty.
     */
    static Optional<Problem> refusedByDatabase(Throwable e) {
        String sqlState = null;
        for (Throwable cause = e; cause != null && sqlState == null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql) {
                sqlState = sql.getSQLState();
            }
        }
        if (isConcurrentChange(e) || UNIQUE_VIOLATION.equals(sqlState)) {
            return Optional.of(Problem.of(CommonProblems.CONFLICT,
                    "Someone else changed the same data at the same moment; nothing of yours was stored, try again"));
        }
        if (FOREIGN_KEY_VIOLATION.equals(sqlState)) {
            return Optional.of(Problem.of(CommonProblems.UNPROCESSABLE,
                    "The request refers to something that does not exist (any more); nothing was stored"));
        }
        return Optional.empty();
    }

    static String describe(int status) {
        return switch (status) {
            case 404 -> "No resource at this path";
            case 405 -> "This path does not support the request method";
            case 406 -> "None of the accepted media types can be produced";
            case 415 -> "The request body's media type is not supported here";
            default -> "The request was refused with HTTP status " + status;
        };
    }

    /** Reports a request record's field, not the Java method and parameter it came in through. */
    private static String fieldName(ConstraintViolation<?> violation) {
        List<String> names = new ArrayList<>();
        for (Path.Node node : violation.getPropertyPath()) {
            switch (node.getKind()) {
                case METHOD, RETURN_VALUE, CROSS_PARAMETER -> {
                }
                case PARAMETER -> {
                    // A body parameter is the request itself; a query or path parameter is named.
                    names.clear();
                    if (isLast(violation.getPropertyPath(), node)) {
                        names.add(node.getName());
                    }
                }
                case CONTAINER_ELEMENT -> {
                    // A list element or map value: an index or key on the container's name.
                    String suffix = node.getIndex() != null ? "[" + node.getIndex() + "]"
                            : node.getKey() != null ? "." + node.getKey() : "";
                    if (names.isEmpty()) {
                        names.add(suffix);
                    } else {
                        names.set(names.size() - 1, names.get(names.size() - 1) + suffix);
                    }
                }
                default -> {
                    // A property of a list element carries the element's index: it belongs on the list's name.
                    if (node.isInIterable() && !names.isEmpty() && (node.getIndex() != null || node.getKey() != null)) {
                        String suffix = node.getIndex() != null ? "[" + node.getIndex() + "]" : "." + node.getKey();
                        names.set(names.size() - 1, names.get(names.size() - 1) + suffix);
                    }
                    names.add(node.getName() == null ? "" : node.getName());
                }
            }
        }
        String joined = names.stream().filter(n -> !n.isEmpty()).collect(Collectors.joining("."));
        return joined.isEmpty() ? "body" : joined;
    }

    private static boolean isLast(Path path, Path.Node candidate) {
        Path.Node last = null;
        for (Path.Node node : path) {
            last = node;
        }
        return last == candidate;
    }

    private static String jsonPath(List<JsonMappingException.Reference> path) {
        return path.stream()
                .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }
}
