package org.portal.gateway.routing;

import java.net.URI;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;
import org.portal.gateway.config.GatewayConfig;
import org.portal.gateway.quota.RateLimit;
import org.portal.problem.Problem;
import org.portal.problem.ProblemRoutes;
import org.portal.problem.ProblemType;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpClientRequest;
import io.vertx.core.http.HttpClientResponse;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.StreamResetException;
import io.vertx.core.net.HostAndPort;
import io.vertx.core.streams.ReadStream;

/**
 * Streams requests to the owning service and its answer back, over pooled HTTP clients, one per event
 * loop. The request id and RateLimit headers are the gateway's, set on the answer before it is
 * forwarded.
 */
// A singleton: on every call's path, where a client proxy's context look-up costs (docs/architecture.md).
@Singleton
public class ServiceProxy {

    private static final Logger LOG = Logger.getLogger(ServiceProxy.class);

    public static final String REQUEST_ID = "X-Request-Id";
    /** Answers up to this size, with a Content-Length, are sent in one write (most list and record answers). */
    static final int BUFFERED_ANSWER = 64 * 1024;
    static final ProblemType BAD_GATEWAY = new ProblemType("bad-gateway", "Service unavailable", 502);
    /** nginx's status for a call whose caller closed the connection before the answer. */
    static final int CALLER_LEFT = 499;
    /**
     * Headers about one connection (RFC 9110, 7.6.1) and the message's framing, which each side of the
     * gateway states for itself: never passed on, either way.
     */
    private static final HeaderNames CONNECTIONS_OWN = new HeaderNames("Connection", "Keep-Alive", "Proxy-Connection",
            "Proxy-Authenticate", "Proxy-Authorization", "TE", "Trailer", "Transfer-Encoding", "Upgrade", "Content-Length");
    /**
     * The caller's headers the gateway states itself: the request id (already checked), and the trace
     * context, which ended at the gateway's own span; the tracer sends the gateway's (when tracing is on),
     * and two traceparent headers would make the service drop both. Host goes as the request's authority.
     */
    private static final HeaderNames GATEWAYS_OWN = new HeaderNames(REQUEST_ID, "traceparent", "tracestate", "Host");
    /** The answer's headers the gateway states itself: the service's copies would repeat them (or forge them). */
    private static final HeaderNames GATEWAYS_OWN_ANSWER = new HeaderNames(REQUEST_ID, RateLimit.HEADER,
            RateLimit.POLICY_HEADER);
    /** The caller's headers not passed on to the service, and the service's not passed on to the caller. */
    private static final HeaderNames NOT_FORWARDED = CONNECTIONS_OWN.with(GATEWAYS_OWN);
    private static final HeaderNames NOT_ANSWERED = CONNECTIONS_OWN.with(GATEWAYS_OWN_ANSWER);

    private final Vertx vertx;
    private final ProblemRoutes problems;
    private final Map<Target, URI> origins = new EnumMap<>(Target.class);
    /** For calls that do not come from an event loop (and the API documents' fetches). */
    private final HttpClient shared;
    /**
     * Each event loop's own client. A pooled connection belongs to the event loop that opened it, and
     * the pool hands any free one out: with one client, a call arriving on one loop was written and
     * answered through another, two hand-overs between threads per call (measured: one shared client cost
     * a tenth of the gateway's throughput against one loop).
     */
    private final Map<Thread, HttpClient> byEventLoop = new ConcurrentHashMap<>();
    private final long maxBodySize;
    private final long maxUploadSize;

    public ServiceProxy(Vertx vertx, GatewayConfig config, ProblemRoutes problems) {
        this.vertx = vertx;
        this.problems = problems;
        this.maxBodySize = config.maxBodySize();
        this.maxUploadSize = config.maxUploadSize();
        origins.put(Target.LICENSING, config.services().licensing());
        origins.put(Target.PORTAL_USERS, config.services().portalUsers());
        origins.put(Target.SECTIONS, config.services().sections());
        this.shared = newClient();
    }

    /** How large this request's body may be: an upload's limit on the upload routes, the general one elsewhere. */
    public long bodyLimit(HttpServerRequest request) {
        return RouteTable.isUpload(request.method().name(), request.path()) ? maxUploadSize : maxBodySize;
    }

    /**
     * Streams the request to the target and its answer back. The request id (already on the answer, like
     * the RateLimit headers) goes to the service too.
     */
    public void forward(Target target, HttpServerRequest caller) {
        // Nothing of the body may be read before the service's request can take it.
        caller.pause();
        HttpClient client = Context.isOnEventLoopThread()
                ? byEventLoop.computeIfAbsent(Thread.currentThread(), loop -> newClient())
                : shared;
        URI origin = origins.get(target);
        client.request(new RequestOptions().setMethod(caller.method()).setHost(origin.getHost()).setPort(port(origin))
                .setURI(caller.uri()))
                .onSuccess(toService -> new Call(caller, toService).send())
                .onFailure(failure -> failed(caller, failure, false));
    }

    /** A GET of a service's own path (its API document, say) over the same pooled client; a non-200 answer fails. */
    public Future<Buffer> get(Target target, String pathAndQuery, Duration timeout) {
        URI origin = origins.get(target);
        return shared
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

    private HttpClient newClient() {
        // A service that stops sending for 30 s has its connection closed: the caller gets a 502, not a hang.
        return vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout(2000)
                .setReadIdleTimeout(30)
                .setIdleTimeoutUnit(TimeUnit.SECONDS)
                .setMaxPoolSize(200)
                .setKeepAlive(true));
    }

    @PreDestroy
    void close() {
        shared.close();
        byEventLoop.values().forEach(HttpClient::close);
    }

    /** One forwarded call: the caller's request, the service's, and the answer between them. */
    private final class Call {
        private final HttpServerRequest caller;
        private final HttpServerResponse answer;
        private final HttpClientRequest toService;
        private BoundedBody bounded;

        Call(HttpServerRequest caller, HttpClientRequest toService) {
            this.caller = caller;
            this.answer = caller.response();
            this.toService = toService;
        }

        void send() {
            MultiMap headers = toService.headers();
            caller.headers().forEach((name, value) -> {
                if (!NOT_FORWARDED.contains(name)) {
                    headers.add(name, value);
                }
            });
            headers.set(REQUEST_ID, answer.headers().get(REQUEST_ID));
            // Read once: behind a trusted proxy, each read parses the forwarded headers again.
            HostAndPort authority = caller.authority();
            if (authority != null) {
                toService.authority(authority);
            }
            // A stated Content-Length was checked before; a chunked body is counted as it streams.
            ReadStream<Buffer> body;
            String length = caller.getHeader(HttpHeaders.CONTENT_LENGTH);
            if (length != null) {
                headers.set(HttpHeaders.CONTENT_LENGTH, length);
                body = caller;
            } else if (caller.headers().contains(HttpHeaders.TRANSFER_ENCODING, HttpHeaders.CHUNKED, true)) {
                toService.setChunked(true);
                bounded = new BoundedBody(caller, bodyLimit(caller));
                body = bounded;
            } else {
                body = null;
            }
            // A caller who leaves before the answer has the service's request reset: nobody waits for it.
            answer.exceptionHandler(callerLeft -> toService.reset());
            toService.response().onComplete(answered -> {
                if (answered.succeeded()) {
                    answer(answered.result());
                } else {
                    failed(caller, answered.cause(), bounded != null && bounded.exceeded());
                }
            });
            if (body == null) {
                // Without a length or chunks the request has no body (RFC 9112, 6.3): nothing to stream.
                caller.resume();
                toService.end();
            } else {
                body.pipe().endOnFailure(false).to(toService).onFailure(broken -> toService.reset());
            }
        }

        private void answer(HttpClientResponse fromService) {
            // Held until its body has somewhere to go.
            fromService.pause();
            // Written here, not by a proxy that resets the service's request when the caller leaves also once
            // the answer has arrived: Vert.x resets an answered request by closing its connection, which by
            // then carries another caller's call. Here it is reset only while its answer is still coming.
            Future<Void> arrived = fromService.end();
            answer.exceptionHandler(callerLeft -> {
                if (!arrived.isComplete()) {
                    toService.reset();
                }
            });
            int status = fromService.statusCode();
            String stated = fromService.getHeader(HttpHeaders.CONTENT_LENGTH);
            long length = stated == null ? -1 : Long.parseLong(stated);
            if (caller.method() == HttpMethod.HEAD || status == 204 || status == 304) {
                // No body follows; a HEAD answer states the length its GET would have.
                head(fromService);
                if (stated != null && caller.method() == HttpMethod.HEAD) {
                    answer.putHeader(HttpHeaders.CONTENT_LENGTH, stated);
                }
                arrived.onComplete(done -> answer.end());
                fromService.resume();
                return;
            }
            if (length >= 0 && length <= BUFFERED_ANSWER || length < 0 && caller.version() == HttpVersion.HTTP_1_0) {
                // A small answer of known length is read whole and written with its head in one go: one write,
                // not two. So is an answer without a length to a HTTP/1.0 caller, who cannot take chunks. One
                // the service breaks off is a 502: nothing has been written yet.
                whole(fromService).onSuccess(complete -> head(fromService)
                        .putHeader(HttpHeaders.CONTENT_LENGTH, Integer.toString(complete.length())).end(complete))
                        .onFailure(broken -> failed(caller, broken, false));
                return;
            }
            head(fromService);
            if (length >= 0) {
                answer.putHeader(HttpHeaders.CONTENT_LENGTH, stated);
            } else {
                answer.setChunked(true);
            }
            // An answer the service breaks off is broken off for the caller too (never ended as if whole).
            fromService.pipe().endOnFailure(false).to(answer).onFailure(broken -> {
                if (!arrived.isComplete()) {
                    toService.reset();
                }
                breakOff(caller);
            });
        }

        /** The service's status and headers on the answer, but for those of its connection and the gateway's own. */
        private HttpServerResponse head(HttpClientResponse fromService) {
            answer.setStatusCode(fromService.statusCode());
            fromService.headers().forEach((name, value) -> {
                if (!NOT_ANSWERED.contains(name)) {
                    answer.headers().add(name, value);
                }
            });
            return answer;
        }
    }

    /** The answer's body in one buffer; one the service breaks off fails. */
    private static Future<Buffer> whole(HttpClientResponse fromService) {
        Promise<Buffer> read = Promise.promise();
        WholeBody whole = new WholeBody();
        fromService.exceptionHandler(read::tryFail).handler(whole::add)
                .endHandler(end -> read.tryComplete(whole.body()))
                .resume();
        return read.future();
    }

    /**
     * A body as it arrives. Each piece is a buffer of its own (Vert.x copies what it reads off the socket):
     * the first is the body, and the next ones are appended to it. A small answer mostly comes in one piece,
     * which is then not copied again.
     */
    private static final class WholeBody {
        private Buffer body;

        void add(Buffer piece) {
            body = body == null ? piece : body.appendBuffer(piece);
        }

        Buffer body() {
            return body == null ? Buffer.buffer() : body;
        }
    }

    /**
     * A call that could not be forwarded or whose answer did not arrive. A service that cannot be reached
     * or breaks off answers, like every error, as a problem; the operator learns why from the log (the
     * caller only sees the request id). A caller who left before the answer had the call reset: nothing is
     * wrong with the service, and nobody reads the answer; the metrics count it as the caller's doing, as
     * nginx does, not as a 502.
     */
    private void failed(HttpServerRequest caller, Throwable failure, boolean bodyTooLarge) {
        // What is left of the request's body is read and dropped, so that the connection can carry the next call.
        caller.resume();
        HttpServerResponse answer = caller.response();
        if (answer.headWritten()) {
            breakOff(caller);
            return;
        }
        if (bodyTooLarge) {
            answer.putHeader(HttpHeaders.CONNECTION, "close");
            problems.send(answer, caller.path(), Problem.of(GatewayRoutes.PAYLOAD_TOO_LARGE,
                    "A request body may have at most " + bodyLimit(caller) + " bytes"));
            return;
        }
        boolean callerLeft = failure instanceof StreamResetException || answer.closed();
        LOG.logf(callerLeft ? Logger.Level.DEBUG : Logger.Level.WARN, "%s %s (request %s) could not be forwarded: %s",
                caller.method(), caller.uri(), answer.headers().get(REQUEST_ID), failure.toString());
        if (callerLeft) {
            answer.setStatusCode(CALLER_LEFT).end();
            return;
        }
        problems.send(answer, caller.path(),
                Problem.of(BAD_GATEWAY, "The service behind this path did not answer; try again shortly"));
    }

    /**
     * Breaks an answer off whose head is out: a HTTP/2 caller has its stream reset, a HTTP/1 caller (which
     * has no such thing) its connection closed. Not the answer's reset() there: it marks the answer closed
     * before the connection is, so no close or end handler of the call runs, and Quarkus's graceful shutdown
     * counts the call in flight until its timeout (every stop of a gateway that had broken off an answer
     * took the full 20 s).
     */
    private static void breakOff(HttpServerRequest caller) {
        if (caller.version() == HttpVersion.HTTP_2) {
            caller.response().reset();
        } else {
            caller.connection().close();
        }
    }
}
