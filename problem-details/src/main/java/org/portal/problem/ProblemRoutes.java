package org.portal.problem;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Problem responses for what never reaches a REST resource: request lines no service can take, paths
 * no route serves, and failures of the HTTP layer itself (a token refused by proactive
 * authentication, a denied permission policy).
 */
@ApplicationScoped
public class ProblemRoutes {

    /**
     * The longest request target served. The HTTP layer reads lines up to
     * {@code quarkus.http.limits.max-initial-line-length} (set above this in this module's
     * microprofile-config.properties) so that a longer one is answered here, with a problem body.
     */
    static final int MAX_URI_LENGTH = 4096;

    private final ObjectMapper json;

    public ProblemRoutes(ObjectMapper json) {
        this.json = json;
    }

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::requestLine);
        // One step after the first, so that a service may look at a failure before it is answered (the gateway's burst limit).
        router.route().order(Integer.MIN_VALUE + 1).failureHandler(this::failure);
        router.route().order(Integer.MAX_VALUE).handler(ctx -> send(ctx,
                Problem.of(CommonProblems.NOT_FOUND, ProblemExceptionMappers.describe(404))));
    }

    /** A NUL character (PostgreSQL cannot store it) or an overlong target is refused before anything runs. */
    private void requestLine(RoutingContext ctx) {
        String uri = ctx.request().uri();
        if (uri.length() > MAX_URI_LENGTH) {
            send(ctx, Problem.of(CommonProblems.URI_TOO_LONG, "The request target is longer than " + MAX_URI_LENGTH
                    + " characters; send long criteria in a request body"));
        } else if (uri.contains("%00")) {
            send(ctx, Problem.of(CommonProblems.BAD_REQUEST, "The request target must not contain the NUL character (%00)"));
        } else {
            ctx.next();
        }
    }

    private void failure(RoutingContext ctx) {
        Throwable failure = ctx.failure();
        if (failure instanceof AuthenticationFailedException || failure instanceof UnauthorizedException) {
            send(ctx, Problem.of(CommonProblems.UNAUTHORIZED, "A valid bearer access token is required"));
        } else if (failure instanceof ForbiddenException) {
            send(ctx, Problem.of(CommonProblems.FORBIDDEN, "Your roles do not allow this operation"));
        } else if (failure == null && ctx.statusCode() >= 400 && ctx.statusCode() < 500) {
            send(ctx,
                    Problem.of(CommonProblems.forStatus(ctx.statusCode()), ProblemExceptionMappers.describe(ctx.statusCode())));
        } else {
            Log.errorf(failure, "Unhandled failure on %s", ctx.normalizedPath());
            send(ctx, Problem.of(CommonProblems.INTERNAL, "The request failed unexpectedly"));
        }
    }

    public void send(RoutingContext ctx, Problem problem) {
        send(ctx.response(), ctx.normalizedPath(), problem);
    }

    /** Answers with the problem about {@code path}; an answer whose head is already out can only be broken off. */
    public void send(HttpServerResponse response, String path, Problem problem) {
        if (response.headWritten()) {
            response.close();
            return;
        }
        Problem withInstance = problem.withInstance(path);
        try {
            response.setStatusCode(problem.status())
                    .putHeader(HttpHeaders.CONTENT_TYPE, Problem.MEDIA_TYPE);
            if (problem.status() == 401) {
                response.putHeader("WWW-Authenticate", "Bearer");
            }
            response.end(json.writeValueAsString(withInstance));
        } catch (JsonProcessingException e) {
            response.setStatusCode(500).end();
        }
    }
}
