package org.portal.gateway.quota;

import java.util.concurrent.atomic.AtomicReference;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.RedisConnection;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;

/**
 * The one long-lived connection every counted call's script goes over, pipelined: no pool to borrow
 * from per call, so concurrent calls never wait on one another for a connection. On a Redis Cluster
 * it is a cluster connection (one link per master, each command routed by its key's slot), which
 * also avoids taking a link to every master for each command. A connection that closes or fails is
 * dropped and the next call opens a new one.
 */
@ApplicationScoped
class CountingConnection {

    private final Redis redis;
    private final AtomicReference<Uni<RedisConnection>> current = new AtomicReference<>();

    CountingConnection(Redis redis) {
        this.redis = redis;
    }

    Uni<Response> send(Request request) {
        Uni<RedisConnection> connection = connection();
        return connection.flatMap(open -> open.send(request))
                .onFailure(CountingConnection::connectionLost).invoke(() -> drop(connection));
    }

    private Uni<RedisConnection> connection() {
        while (true) {
            Uni<RedisConnection> existing = current.get();
            if (existing != null) {
                return existing;
            }
            AtomicReference<Uni<RedisConnection>> self = new AtomicReference<>();
            Uni<RedisConnection> opening = redis.connect()
                    .invoke(open -> open.exceptionHandler(e -> {
                        Log.debugf("The quota's Redis connection failed: %s", e);
                        drop(self.get());
                    }).endHandler(() -> drop(self.get())))
                    .onFailure().invoke(() -> drop(self.get()))
                    .memoize().indefinitely();
            self.set(opening);
            if (current.compareAndSet(null, opening)) {
                return opening;
            }
        }
    }

    private void drop(Uni<RedisConnection> connection) {
        if (connection != null && current.compareAndSet(connection, null)) {
            connection.subscribe().with(RedisConnection::closeAndForget, failure -> {
            });
        }
    }

    /** A reply Redis gave (an error such as NOSCRIPT included) leaves the connection usable; anything else does not. */
    private static boolean connectionLost(Throwable failure) {
        return !(failure instanceof io.vertx.redis.client.Response);
    }

    @PreDestroy
    void close() {
        drop(current.get());
    }
}
