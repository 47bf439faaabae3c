import io.vertx.core.AbstractVerticle;
import io.vertx.core.MultiMap;
import io.vertx.core.DeploymentOptions;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.RequestOptions;

/**
 * The platform's floor for bench/gateway-isolated.sh: a reverse proxy of the gateway's Vert.x and Netty
 * (from its lib directory), shaped as the gateway forwards, with nothing else. One event loop per core,
 * each with its own server and client, epoll; the caller's headers copied but for the connection's own,
 * the answer read whole and written with its head in one go. No routing, security, metrics, quota or
 * answer headers: what the gateway costs above this is its pipeline's, what this costs above nginx is
 * the platform's.
 *
 * Usage: java -cp 'gateway/target/quarkus-app/lib/main/*' bench/BareProxy.java PORT BACKEND_PORT
 */
public class BareProxy extends AbstractVerticle {

    /** Looked up regardless of case, by a hash of the name, as the gateway's HeaderNames are. */
    private static final MultiMap CONNECTIONS_OWN = HttpHeaders.headers();

    static {
        for (String name : new String[] { "Connection", "Keep-Alive", "Transfer-Encoding", "Upgrade", "Content-Length", "Host" }) {
            CONNECTIONS_OWN.add(name, "");
        }
    }

    private final int port;
    private final int backend;
    private HttpClient client;

    BareProxy(int port, int backend) {
        this.port = port;
        this.backend = backend;
    }

    public static void main(String[] args) {
        int port = Integer.parseInt(args[0]);
        int backend = Integer.parseInt(args[1]);
        int loops = Runtime.getRuntime().availableProcessors();
        Vertx vertx = Vertx.vertx(new VertxOptions().setPreferNativeTransport(true).setEventLoopPoolSize(loops));
        if (!vertx.isNativeTransportEnabled()) {
            throw new IllegalStateException("no epoll transport", vertx.unavailableNativeTransportCause());
        }
        vertx.deployVerticle(() -> new BareProxy(port, backend), new DeploymentOptions().setInstances(loops))
                .onSuccess(id -> System.out.println("bare proxy on " + port + " to " + backend + ", " + loops + " loops"))
                .onFailure(failure -> {
                    failure.printStackTrace();
                    System.exit(1);
                });
    }

    @Override
    public void start() {
        client = vertx.createHttpClient(new HttpClientOptions().setKeepAlive(true).setMaxPoolSize(200));
        vertx.createHttpServer(new HttpServerOptions().setHost("127.0.0.1").setPort(port)).requestHandler(this::forward)
                .listen();
    }

    private void forward(HttpServerRequest caller) {
        client.request(new RequestOptions().setMethod(caller.method()).setHost("127.0.0.1").setPort(backend)
                .setURI(caller.uri())).onSuccess(toService -> {
                    caller.headers().forEach((name, value) -> {
                        if (!CONNECTIONS_OWN.contains(name)) {
                            toService.headers().add(name, value);
                        }
                    });
                    toService.send().onSuccess(answer -> answer.body().onSuccess(body -> {
                        caller.response().setStatusCode(answer.statusCode());
                        answer.headers().forEach((name, value) -> {
                            if (!CONNECTIONS_OWN.contains(name)) {
                                caller.response().headers().add(name, value);
                            }
                        });
                        caller.response().putHeader("Content-Length", Integer.toString(body.length())).end(body);
                    })).onFailure(failure -> caller.response().setStatusCode(502).end());
                }).onFailure(failure -> caller.response().setStatusCode(502).end());
    }
}
