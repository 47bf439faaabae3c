package org.portal.gateway.routing;

import java.net.URI;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;
import org.portal.gateway.config.GatewayConfig;
import org.portal.gateway.quota.RateLimit;
import org.portal.problem.Problem;
import org.portal.problem.ProblemType;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.StreamResetException;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyResponse;

/**
 * Streams requests to the owning service and its response back, through Vert.x's reverse proxy over
 * pooled HTTP clients, one per event loop. The request id and RateLimit headers are the gateway's, set on the answer before it
 * is forwarded.
 */
@ApplicationScoped
public class ServiceProxy {

    private static final Logger LOG = Logger.getLogger(ServiceProxy.class);

    public static final String REQUEST_ID = "X-Request-Id";
    private static final String TRACEPARENT = "traceparent";
    private static final String TRACESTATE = "tracestate";
    /** Answers up to this size, with a Content-Length, are sent in one write (most list and record answers). */
    static final int BUFFERED_ANSWER = 64 * 1024;
    static final ProblemType BAD_GATEWAY = new ProblemType("bad-gateway", "Service unavailable", 502);
    /** nginx's status for a call whose caller closed the connection before the answer. */
    static final int CALLER_LEFT = 499;
    /** Headers about one connection (RFC 9110, 7.6.1), not passed on from the service's answer. */
    private static final List<String> CONNECTIONS_OWN = List.of("Connection", "Keep-Alive", "Proxy-Connection",
            "Proxy-Authenticate", "TE", "Trailer", "Upgrade");

    private final Vertx vertx;
    private final Map<Target, URI> origins = new EnumMap<>(Target.class);
    private final Forwarding forwarding;
    /** For calls that do not come from an event loop (and the API documents' fetches). */
    private final Proxies shared;
    /**
     * Each event loop's own client and proxies. A pooled connection belongs to the event loop that
     * opened it, and the pool hands any free one out: with one client, a call arriving on one loop was
     * written and answered through another, two hand-overs between threads per call (measured: one
     * shared client cost a tenth of the gateway's throughput against one loop).
     */
    private final Map<Thread, Proxies> byEventLoop = new ConcurrentHashMap<>();
    private final long maxBodySize;
    private final long maxUploadSize;

    public ServiceProxy(Vertx vertx, GatewayConfig config, ObjectMapper json) {
        this.vertx = vertx;
        this.maxBodySize = config.maxBodySize();
        this.maxUploadSize = config.maxUploadSize();
        origins.put(Target.LICENSING, config.services().licensing());
        origins.put(Target.PORTAL_USERS, config.services().portalUsers());
        origins.put(Target.SECTIONS, config.services().sections());
        this.forwarding = new Forwarding(this, json);
        this.shared = new Proxies();
    }

    /** How large this request's body may be: an upload's limit on the upload routes, the general one elsewhere. */
    public long bodyLimit(HttpServerRequest request) {
        return RouteTable.isUpload(request.method().name(), request.path()) ? maxUploadSize : maxBodySize;
    }

    /**
     * Streams the request to the target. The request id (already on the answer, like the RateLimit
     * headers) goes to the service too.
     */
    public void forward(Target target, HttpServerRequest request) {
        Proxies proxies = Context.isOnEventLoopThread()
                ? byEventLoop.computeIfAbsent(Thread.currentThread(), loop -> new Proxies())
                : shared;
        proxies.byTarget.get(target).handle(request);
    }

    /** A GET of a service's own path (its API document, say) over the same pooled client; a non-200 answer fails. */
    public Future<Buffer> get(Target target, String pathAndQuery, Duration timeout) {
        URI origin = origins.get(target);
        return shared.client
                .request(new RequestOptions().setMethod(HttpMethod.GET).setHost(origin.getHost()).setPort(port(origin))
                        .setURI(pathAndQuery).setIdleTimeout(timeout.toMillis()))
                .compose(request -> request.send())
                .compose(response -> response.statusCode() == 200 ? response.body()
                        : Future.failedFuture(
                                new IllegalStateException(origin + pathAndQuery + " answered " + response.statusCode())));
    }

    private static int port(URI origin) {
        return origin.getPort() > 0 ? origin.getPort() : "https".equals(origin.getScheme()) ? 443 : 80;
    }

    @PreDestroy
    void close() {
        shared.client.close();
        byEventLoop.values().forEach(proxies -> proxies.client.close());
    }

    /** One pooled HTTP client and a reverse proxy per service over it, built once: each call only brings its request. */
    private final class Proxies {
        final HttpClient client;
        final Map<Target, HttpProxy> byTarget = new EnumMap<>(Target.class);

        Proxies() {
            // A service that stops sending for 30 s has its connection closed: the caller gets a 502, not a hang.
            this.client = vertx.createHttpClient(new HttpClientOptions()
                    .setConnectTimeout(2000)
                    .setReadIdleTimeout(30)
                    .setIdleTimeoutUnit(TimeUnit.SECONDS)
                    .setMaxPoolSize(200)
                    .setKeepAlive(true));
            origins.forEach((target, origin) -> byTarget.put(target,
                    HttpProxy.reverseProxy(client).origin(port(origin), origin.getHost()).addInterceptor(forwarding)));
        }
    }

    /**
     * Every forwarded call: the request id both ways, a chunked body bounded, failures as problems and the
     * service's own copies of the gateway's headers dropped.
     */
    private record Forwarding(ServiceProxy proxy, ObjectMapper json) implements ProxyInterceptor {
        @Override
        public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
            HttpServerRequest incoming = context.request().proxiedRequest();
            String requestId = incoming.response().headers().get(REQUEST_ID);
            long maxBodySize = proxy.bodyLimit(incoming);
            // The caller's trace context ended at the gateway's own span; the tracer sends the gateway's
            // (when tracing is on). Two traceparent headers would make the service drop both.
            context.request().headers().set(REQUEST_ID, requestId).remove(TRACEPARENT).remove(TRACESTATE);
            // A stated Content-Length was checked before; a chunked body is counted as it streams.
            Body body = context.request().getBody();
            BoundedBody bounded = body != null && body.length() < 0 ? new BoundedBody(body.stream(), maxBodySize) : null;
            if (bounded != null) {
                context.request().setBody(Body.body(bounded));
            }
            return context.sendRequest().recover(failure -> {
                if (bounded != null && bounded.exceeded()) {
                    return Future.succeededFuture(problem(context, Problem.of(GatewayRoutes.PAYLOAD_TOO_LARGE,
                            "A request body may have at most " + maxBodySize + " bytes")).putHeader("Connection", "close"));
                }
                // A service that cannot be reached or breaks off answers, like every error, as a problem; the
                // operator learns why from the log (the caller only sees the request id). A caller who left
                // before the answer had the call reset (only the proxy resets a call to a service, and only
                // for that): nothing is wrong with the service.
                boolean callerLeft = failure instanceof StreamResetException || incoming.response().closed();
                LOG.logf(callerLeft ? Logger.Level.DEBUG : Logger.Level.WARN,
                        "%s %s (request %s) could not be forwarded: %s", context.request().getMethod(),
                        context.request().getURI(), requestId, failure.toString());
                if (callerLeft) {
                    // Nobody reads it; the metrics count it as the caller's doing, as nginx does, not as a 502.
                    return Future.succeededFuture(context.request().response().setStatusCode(CALLER_LEFT));
                }
                return Future.succeededFuture(
                        problem(context,
                                Problem.of(BAD_GATEWAY, "The service behind this path did not answer; try again shortly")));
            });
        }

        private ProxyResponse problem(ProxyContext context, Problem problem) {
            try {
                return context.request().response().setStatusCode(problem.status())
                        .putHeader("Content-Type", Problem.MEDIA_TYPE)
                        .setBody(Body.body(Buffer.buffer(json.writeValueAsBytes(problem))));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public Future<Void> handleProxyResponse(ProxyContext context) {
            ProxyResponse response = context.response();
            // The gateway's own answer already carries these; the service's copies would repeat them (or forge them).
            response.headers().remove(REQUEST_ID).remove(RateLimit.HEADER).remove(RateLimit.POLICY_HEADER);
            CONNECTIONS_OWN.forEach(response.headers()::remove);
            HttpServerRequest caller = context.request().proxiedRequest();
            Body body = response.getBody();
            int status = response.getStatusCode();
            // An answer without a body, and one to a HTTP/1.0 caller (who cannot take chunks), the proxy frames.
            if (body == null || !(body.stream() instanceof HttpClientResponse fromService) || caller.method() == HttpMethod.HEAD
                    || status < 200 || status == 204 || status == 304 || caller.version() == HttpVersion.HTTP_1_0) {
                return context.sendResponse();
            }
            return answer(caller.response(), response, fromService, body.length());
        }

        /**
         * Writes the service's answer here rather than through the proxy: the proxy resets the service's
         * request when the caller leaves, also once the answer has arrived, and Vert.x resets an answered
         * request by closing its connection, which by then carries another caller's call (that call
         * failed with a 502). Here the service's request is reset only while its answer is still coming.
         */
        private static Future<Void> answer(HttpServerResponse answer, ProxyResponse response, HttpClientResponse fromService,
                long length) {
            Future<Void> arrived = fromService.end();
            answer.exceptionHandler(callerLeft -> {
                if (!arrived.isComplete()) {
                    fromService.request().reset();
                }
            });
            if (length >= 0 && length <= BUFFERED_ANSWER) {
                // A small answer of known length is read whole and written with its head in one go: one write,
                // not two. One the service breaks off is the proxy's 502: nothing has been written yet.
                Promise<Buffer> read = Promise.promise();
                Buffer whole = Buffer.buffer((int) length);
                fromService.exceptionHandler(read::tryFail).handler(whole::appendBuffer)
                        .endHandler(end -> read.tryComplete(whole))
                        .resume();
                return read.future().compose(complete -> {
                    head(answer, response).putHeader(HttpHeaders.CONTENT_LENGTH, Integer.toString(complete.length()));
                    // A caller who has gone needs nothing more: the service's connection is free for the next call.
                    return answer.end(complete).otherwiseEmpty();
                });
            }
            head(answer, response);
            if (length >= 0) {
                answer.putHeader(HttpHeaders.CONTENT_LENGTH, Long.toString(length));
            } else {
                answer.setChunked(true);
            }
            // An answer the service breaks off is broken off for the caller too (never ended as if whole).
            return fromService.pipe().endOnFailure(false).to(answer).recover(failure -> {
                if (!arrived.isComplete()) {
                    fromService.request().reset();
                }
                answer.reset();
                return Future.succeededFuture();
            });
        }

        private static HttpServerResponse head(HttpServerResponse answer, ProxyResponse response) {
            answer.setStatusCode(response.getStatusCode());
            answer.headers().addAll(response.headers()).remove(HttpHeaders.CONTENT_LENGTH)
                    .remove(HttpHeaders.TRANSFER_ENCODING);
            return answer;
        }
    }
}
