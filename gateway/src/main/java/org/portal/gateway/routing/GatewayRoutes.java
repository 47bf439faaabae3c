package org.portal.gateway.routing;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.portal.gateway.access.AccessContext;
import org.portal.gateway.access.AccessContextResolver;
import org.portal.gateway.access.AccessRefused;
import org.portal.gateway.access.CustomSections;
import org.portal.gateway.access.Operation;
import org.portal.gateway.quota.QuotaCounter;
import org.portal.gateway.quota.QuotaDecision;
import org.portal.gateway.quota.QuotaView;
import org.portal.problem.CommonProblems;
import org.portal.problem.Problem;
import org.portal.problem.ProblemException;
import org.portal.problem.ProblemRoutes;
import org.portal.problem.ProblemType;
import org.portal.tokens.RememberedTokens;
import org.portal.tokens.Roles;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.UnauthorizedException;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.RouteConstants;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.smallrye.common.vertx.ContextLocals;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The gateway's pipeline for every {@code /api} request: a verified token, then for portal users on
 * section data the access context, the section and operation check and the daily quota, and last the
 * proxy to the owning service. Paths the gateway answers itself fall through to its REST resources.
 */
@ApplicationScoped
public class GatewayRoutes {

    public static final ProblemType QUOTA_EXCEEDED = new ProblemType("quota-exceeded", "Daily call limit reached", 429);
    public static final ProblemType BURST_LIMITED = new ProblemType("burst-limited", "Too many requests at once", 429);
    public static final ProblemType PAYLOAD_TOO_LARGE = new ProblemType("payload-too-large", "Request body too large", 413);
    private static final CompletionStage<Void> AUTHORIZED = CompletableFuture.completedFuture(null);
    private static final Pattern SENSIBLE_REQUEST_ID = Pattern.compile("[A-Za-z0-9._-]{1,100}");
    /** The context local where Quarkus's HTTP metrics and tracing find a request's path template. */
    private static final String URL_PATH_TEMPLATE = "UrlPathTemplate";
    private static final AttributeKey<String> REQUEST_ID_ATTRIBUTE = AttributeKey.stringKey("portal.request_id");
    /**
     * Between CORS (whose headers every answer needs) and authentication: Quarkus orders its filters by
     * their negated priority, CORS at -300 and authentication at -200.
     */
    static final int REMEMBERED_TOKEN_ORDER = -250;

    private final AccessContextResolver access;
    private final CustomSections customSections;
    private final QuotaCounter quota;
    private final ServiceProxy proxy;
    private final ProblemRoutes problems;
    private final BurstLimit burst;
    private final RememberedTokens rememberedTokens;

    public GatewayRoutes(AccessContextResolver access, CustomSections customSections, QuotaCounter quota, ServiceProxy proxy,
            ProblemRoutes problems, BurstLimit burst, RememberedTokens rememberedTokens) {
        this.burst = burst;
        this.rememberedTokens = rememberedTokens;
        this.access = access;
        this.customSections = customSections;
        this.quota = quota;
        this.proxy = proxy;
        this.problems = problems;
    }

    void register(@Observes Router router) {
        router.route("/api/*").order(REMEMBERED_TOKEN_ORDER).handler(this::handleRemembered);
        router.route("/api/*").order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT).handler(this::handle);
        // A token that fails verification never reaches handle(): its 401 costs from the address's burst limit here.
        router.route().order(Integer.MIN_VALUE).failureHandler(ctx -> {
            boolean unauthenticated = ctx.failure() instanceof AuthenticationFailedException
                    || ctx.failure() instanceof UnauthorizedException;
            if (!unauthenticated || withinBurst(ctx, address(ctx)).admitted()) {
                ctx.next();
            }
        });
        router.route("/q/openapi*").order(RouteConstants.ROUTE_ORDER_BEFORE_DEFAULT).handler(ctx -> {
            if (withinBurst(ctx, caller(ctx)).admitted()) {
                ctx.next();
            }
        });
    }

    /**
     * A call to a service whose bearer token is remembered enters the pipeline here, before Quarkus's
     * authentication handler: its reactive chain would only find the same identity (through
     * {@link RememberedTokens}), at about 9 % of the gateway's CPU time per call. Every other call takes the
     * whole way to {@link #handle}.
     */
    private void handleRemembered(RoutingContext ctx) {
        Optional<RouteTable.Route> route = serviceRoute(ctx);
        SecurityIdentity identity = route.isPresent() ? rememberedTokens.identity(ctx.request()) : null;
        if (identity == null) {
            ctx.next();
            return;
        }
        ctx.setUser(new QuarkusHttpUser(identity));
        pipeline(ctx, route.get(), identity);
    }

    private void handle(RoutingContext ctx) {
        Optional<RouteTable.Route> route = serviceRoute(ctx);
        if (route.isEmpty()) {
            if (withinBurst(ctx, caller(ctx)).admitted()) {
                ctx.next();
            }
            return;
        }
        pipeline(ctx, route.get(), ctx.user() instanceof QuarkusHttpUser user ? user.getSecurityIdentity() : null);
    }

    /** The route to the service that owns the call's path; empty for the gateway's own paths and unknown ones. */
    private static Optional<RouteTable.Route> serviceRoute(RoutingContext ctx) {
        return RouteTable.match(ctx.normalizedPath()).filter(route -> route.target() != Target.GATEWAY);
    }

    /** The pipeline of a call to a service, with the identity its token was verified as (null: none). */
    private void pipeline(RoutingContext ctx, RouteTable.Route route, SecurityIdentity identity) {
        // Read by the server metrics (and the trace's http.route) in place of the path, which has ids in it.
        ContextLocals.put(URL_PATH_TEMPLATE, route.metricsUri());
        Target target = route.target();
        String path = ctx.normalizedPath();
        String requestId = requestId(ctx);
        ctx.response().putHeader(ServiceProxy.REQUEST_ID, requestId);
        // A trace is found by the id the caller was given (a no-op while tracing is off).
        Span.current().setAttribute(REQUEST_ID_ATTRIBUTE, requestId);
        if (!path.equals(ctx.request().path())) {
            refuseWithinBurst(ctx, caller(ctx),
                    Problem.of(CommonProblems.BAD_REQUEST, "The path must be in normal form (no '.', '..' or '//' segments)"));
            return;
        }
        if (identity == null || identity.isAnonymous() || !hasSubject(identity)) {
            refuseWithinBurst(ctx, address(ctx),
                    Problem.of(CommonProblems.UNAUTHORIZED, "A valid bearer access token is required"));
            return;
        }
        String subject = identity.getPrincipal().getName();
        if (tooLarge(ctx.request().getHeader("Content-Length"), bodyLimit(ctx))) {
            refuseWithinBurst(ctx, subject,
                    Problem.of(PAYLOAD_TOO_LARGE, "A request body may have at most " + bodyLimit(ctx) + " bytes"));
            return;
        }
        Optional<String> section = RouteTable.section(path);
        boolean counted = RouteTable.counted(path) && identity.hasRole(Roles.PORTAL_USER);
        if (!counted) {
            forwardWithinBurst(ctx, subject, target);
            return;
        }
        ctx.request().pause();
        Context callsLoop = Vertx.currentContext();
        // Plain stages, not a reactive pipeline: a warm call (cached context, leased number) is decided
        // on its own event loop with nothing scheduled.
        access.resolve(subject)
                .thenCompose(context -> authorize(context, section, ctx.request().method().name(), path)
                        .thenCompose(authorized -> quota.count(context)))
                .whenComplete((decision, failure) -> onItsLoop(callsLoop, () -> {
                    if (failure != null) {
                        refuseFailed(ctx, subject,
                                failure instanceof CompletionException wrapped ? wrapped.getCause() : failure);
                    } else if (!decision.admitted()) {
                        refuseOverQuota(ctx, decision);
                    } else if (decision.counted()) {
                        decision.rateLimit().putOn(ctx.response().headers());
                        proxy.forward(target, ctx.request());
                    } else {
                        // Admitted uncounted (Redis failing open): the burst limit still guards.
                        forwardWithinBurst(ctx, subject, target);
                    }
                }));
    }

    /**
     * A decision completed elsewhere (a Redis reply, a look-up's answer) continues on the call's own event
     * loop: the call is forwarded over that loop's client and its answer written where its caller's
     * connection is read, so that nothing about one call runs on two threads at once.
     */
    private static void onItsLoop(Context callsLoop, Runnable step) {
        if (callsLoop == null || Vertx.currentContext() == callsLoop) {
            step.run();
        } else {
            callsLoop.runOnContext(nothing -> step.run());
        }
    }

    private void refuseFailed(RoutingContext ctx, String subject, Throwable failure) {
        Problem problem = failure instanceof ProblemException refused ? refused.toProblem()
                : Problem.of(CommonProblems.INTERNAL, "The request failed unexpectedly");
        if (problem.status() < 500) {
            refuseWithinBurst(ctx, subject, problem);
        } else {
            refuse(ctx, problem);
        }
    }

    /**
     * Refuses a user who is not active or holds no seat, and an operation the edition does not grant
     * on the section. Custom sections' editions are only looked up when the base grants do not answer.
     */
    private CompletionStage<Void> authorize(AccessContext context, Optional<String> section, String method, String path) {
        if (!context.active()) {
            throw new AccessRefused(AccessRefused.USER_NOT_ACTIVE, "Your portal account is " + context.status());
        }
        if (!context.hasSeat()) {
            throw new AccessRefused(AccessRefused.NO_SEAT,
                    "You hold no valid portal seat; ask your portal administrator for one");
        }
        if (section.isEmpty()) {
            return AUTHORIZED;
        }
        String code = section.get();
        Optional<Operation> operation = Operation.of(method, path);
        if (operation.isEmpty()) {
            throw notGranted(context, code, method.toLowerCase());
        }
        if (context.grants(code, operation.get())) {
            return AUTHORIZED;
        }
        return customSections.editions().map(custom -> {
            if (!custom.isFor(code, context.edition())) {
                throw notGranted(context, code, operation.get().name());
            }
            return (Void) null;
        }).subscribeAsCompletionStage();
    }

    private static AccessRefused notGranted(AccessContext context, String section, String operation) {
        return new AccessRefused(AccessRefused.SECTION_NOT_GRANTED, "The " + context.edition()
                + " edition does not allow '" + operation + "' on section '" + section + "'",
                Map.of("section", section, "operation", operation));
    }

    private long bodyLimit(RoutingContext ctx) {
        return proxy.bodyLimit(ctx.request());
    }

    private static boolean tooLarge(String contentLength, long limit) {
        if (contentLength == null) {
            return false;
        }
        try {
            return Long.parseLong(contentLength) > limit;
        } catch (NumberFormatException e) {
            return true;
        }
    }

    /**
     * Takes an uncounted call from the caller's burst limit and states the limit on the answer; over
     * the limit, the call is answered here with a 429 and Retry-After.
     */
    private BurstLimit.Take withinBurst(RoutingContext ctx, String caller) {
        BurstLimit.Take take = burst.take(caller);
        take.rateLimit().putOn(ctx.response().headers());
        if (!take.admitted()) {
            ctx.response().putHeader("Retry-After", Long.toString(take.secondsToWait()));
            refuse(ctx, Problem.of(BURST_LIMITED, "Too many calls at once; try again in " + take.secondsToWait() + " seconds"));
        }
        return take;
    }

    private void forwardWithinBurst(RoutingContext ctx, String caller, Target target) {
        BurstLimit.Take take = withinBurst(ctx, caller);
        if (take.admitted()) {
            proxy.forward(target, ctx.request());
        }
    }

    /** A refusal costs the caller from their burst limit too: hammering on a closed door is limited. */
    private void refuseWithinBurst(RoutingContext ctx, String caller, Problem problem) {
        if (withinBurst(ctx, caller).admitted()) {
            refuse(ctx, problem);
        }
    }

    /** The subject of a verified token, else the client's address. */
    private static String caller(RoutingContext ctx) {
        if (ctx.user() instanceof QuarkusHttpUser user && !user.getSecurityIdentity().isAnonymous()
                && hasSubject(user.getSecurityIdentity())) {
            return user.getSecurityIdentity().getPrincipal().getName();
        }
        return address(ctx);
    }

    /** An anonymous caller's key: the client's address. */
    private static String address(RoutingContext ctx) {
        return "address:" + ctx.request().remoteAddress().host();
    }

    /** The caller's request id when it is a sensible one, else a new one: it follows the call through every service. */
    private static String requestId(RoutingContext ctx) {
        String given = ctx.request().getHeader(ServiceProxy.REQUEST_ID);
        return given != null && SENSIBLE_REQUEST_ID.matcher(given).matches() ? given : newRequestId();
    }

    /**
     * A random (version 4) UUID from the thread's fast generator: a request id must be unique, not
     * unguessable, and UUID.randomUUID() takes SecureRandom's lock and reads /dev/urandom on every call.
     */
    private static String newRequestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(high, low).toString();
    }

    /** Every decision is keyed by the token's subject: a token without one identifies nobody. */
    private static boolean hasSubject(SecurityIdentity identity) {
        return identity.getPrincipal() instanceof JsonWebToken token && token.getSubject() != null
                && !token.getSubject().isBlank();
    }

    private void refuseOverQuota(RoutingContext ctx, QuotaDecision decision) {
        if (!decision.counted()) {
            refuse(ctx, Problem.of(QuotaView.UNAVAILABLE, "Calls cannot be counted right now; try again shortly"));
            return;
        }
        ctx.response().putHeader("Retry-After", Long.toString(decision.secondsToReset()));
        decision.rateLimit().putOn(ctx.response().headers());
        refuse(ctx, Problem.of(QUOTA_EXCEEDED, "You have used all " + decision.limit()
                + " calls of today; the counter resets in " + decision.secondsToReset() + " seconds"));
    }

    private void refuse(RoutingContext ctx, Problem problem) {
        ctx.request().resume();
        problems.send(ctx, problem);
    }
}
