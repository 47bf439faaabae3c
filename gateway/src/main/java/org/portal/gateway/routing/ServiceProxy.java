package org.portal.gateway.routing;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.httpproxy.HttpProxy;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.EnumMap;
import java.util.Map;
import org.portal.gateway.config.GatewayConfig;
import org.portal.gateway.quota.QuotaDecision;

/**
 * Streams requests to the owning service and its response back, through Vert.x's reverse proxy over
 * one pooled HTTP client. Counted calls get the RateLimit headers on their response.
 */
@ApplicationScoped
public class ServiceProxy {

    public static final String REQUEST_ID = "X-Request-Id";

    private final HttpClient client;
    private final Map<Target, URI> origins = new EnumMap<>(Target.class);

    public ServiceProxy(Vertx vertx, GatewayConfig config) {
        // A service that stops sending for 30 s has its connection closed: the caller gets a 502, not a hang.
        this.client = vertx.createHttpClient(new HttpClientOptions()
                .setConnectTimeout(2000)
                .setReadIdleTimeout(30)
                .setIdleTimeoutUnit(java.util.concurrent.TimeUnit.SECONDS)
                .setMaxPoolSize(200)
                .setKeepAlive(true));
        origins.put(Target.LICENSING, config.services().licensing());
        origins.put(Target.PORTAL_USERS, config.services().portalUsers());
        origins.put(Target.SECTIONS, config.services().sections());
    }

    /**
     * Streams the request to the target. The request id goes to the service and back to the caller;
     * a counted call's answer carries the RateLimit headers.
     */
    public void forward(Target target, HttpServerRequest request, String requestId, QuotaDecision quota) {
        URI origin = origins.get(target);
        HttpProxy.reverseProxy(client).origin(port(origin), origin.getHost())
                .addInterceptor(new ResponseHeaders(requestId, quota))
                .handle(request);
    }

    private static int port(URI origin) {
        return origin.getPort() > 0 ? origin.getPort() : "https".equals(origin.getScheme()) ? 443 : 80;
    }

    @PreDestroy
    void close() {
        client.close();
    }

    private record ResponseHeaders(String requestId, QuotaDecision quota) implements ProxyInterceptor {
        @Override
        public Future<io.vertx.httpproxy.ProxyResponse> handleProxyRequest(ProxyContext context) {
            context.request().headers().set(REQUEST_ID, requestId);
            // A service that cannot be reached or breaks off answers, like every error, as a problem.
            return context.sendRequest().recover(failure -> Future.succeededFuture(context.request().response()
                    .setStatusCode(502)
                    .putHeader("Content-Type", "application/problem+json")
                    .setBody(io.vertx.httpproxy.Body.body(io.vertx.core.buffer.Buffer.buffer(
                            "{\"type\":\"urn:portal:problem:bad-gateway\",\"title\":\"Service unavailable\",\"status\":502,"
                                    + "\"detail\":\"The service behind this path did not answer; try again shortly\"}")))));
        }

        @Override
        public Future<Void> handleProxyResponse(ProxyContext context) {
            context.response().putHeader(REQUEST_ID, requestId);
            if (quota != null) {
                context.response().putHeader("RateLimit-Policy", quota.policyHeader());
                context.response().putHeader("RateLimit", quota.rateLimitHeader());
            }
            return context.sendResponse();
        }
    }
}
