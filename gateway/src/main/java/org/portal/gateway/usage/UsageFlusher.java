package org.portal.gateway.usage;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.portal.gateway.quota.QuotaCounter;
import org.portal.gateway.quota.UsageClient;

import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.scheduler.Scheduled;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisConnection;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

/**
 * Copies the daily counters from Redis to licensing-service's database, so that usage history
 * survives a Redis loss except for the minutes since the last copy. Every gateway instance copies;
 * the store keeps the highest count per user and day, so copies never conflict.
 *
 * <p>
 * On a Redis Cluster each master holds a share of the counters and SCAN sees one node's keys, so
 * every master is scanned on a connection of its own (the masters are read from CLUSTER SLOTS at each
 * copy, so a resharded cluster is followed). Standalone Redis is the one-node case of the same walk.
 */
@ApplicationScoped
public class UsageFlusher {

    static final Duration REPLY_TIMEOUT = Duration.ofSeconds(10);

    private final RedisDataSource redis;
    private final UsageClient usage;
    private final QuotaCounter counter;
    private final Vertx vertx;
    private final URI configured;
    private final boolean cluster;
    /** Names this gateway's running totals of refusals in the durable store; a restarted gateway starts new ones. */
    private final String gatewayId = UUID.randomUUID().toString();

    public UsageFlusher(RedisDataSource redis, @RestClient UsageClient usage, QuotaCounter counter, Vertx vertx,
            @ConfigProperty(name = "quarkus.redis.hosts") List<URI> hosts,
            @ConfigProperty(name = "quarkus.redis.client-type", defaultValue = "standalone") String clientType) {
        this.redis = redis;
        this.usage = usage;
        this.counter = counter;
        this.vertx = vertx;
        this.configured = hosts.get(0);
        this.cluster = "cluster".equalsIgnoreCase(clientType);
    }

    @Scheduled(every = "${portal.usage.flush-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            flush();
        } catch (RuntimeException e) {
            Log.warnf("Copying usage counters failed; the next copy will catch up: %s", e.toString());
        }
    }

    /** Copies every counter of every shard now; returns how many. */
    public int flush() {
        int copied = 0;
        for (URI node : nodes()) {
            copied += flush(node);
        }
        return copied;
    }

    /** The masters of the cluster, or the one configured server; with the configured scheme and credentials. */
    private Set<URI> nodes() {
        if (!cluster) {
            return Set.of(configured);
        }
        Set<URI> masters = new LinkedHashSet<>();
        for (io.vertx.mutiny.redis.client.Response range : redis.execute("CLUSTER", "SLOTS")) {
            io.vertx.mutiny.redis.client.Response master = range.get(2);
            String host = master.get(0).toString();
            masters.add(URI.create(configured.getScheme() + "://"
                    + (configured.getRawUserInfo() == null ? "" : configured.getRawUserInfo() + "@")
                    + (host.isEmpty() ? configured.getHost() : host) + ":" + master.get(1).toInteger()));
        }
        return masters;
    }

    private int flush(URI node) {
        Redis client = Redis.createClient(vertx, new RedisOptions().setConnectionString(node.toString()));
        try {
            RedisConnection connection = await(client.connect());
            String cursor = "0";
            int copied = 0;
            do {
                Response page = await(connection.send(Request.cmd(Command.SCAN).arg(cursor)
                        .arg("MATCH").arg(counter.keyPattern()).arg("COUNT").arg(1000)));
                cursor = page.get(0).toString();
                List<String> keys = new ArrayList<>();
                page.get(1).forEach(key -> keys.add(key.toString()));
                if (keys.isEmpty()) {
                    continue;
                }
                // One GET per key in one pipeline: keys of one node may still lie in different slots, which MGET
                // refuses. A counter also holds numbers leased and not used yet: the calls made are counted apart,
                // in the same slot (none yet for a counter of an earlier version).
                List<Response> values = await(connection.batch(
                        keys.stream().map(key -> Request.cmd(Command.GET).arg(counter.callsKey(key))).toList()));
                List<UsageClient.Count> counts = new ArrayList<>();
                for (int i = 0; i < keys.size(); i++) {
                    Response value = values.get(i);
                    String key = keys.get(i);
                    counter.parseKey(key).ifPresent(day -> {
                        int calls = value == null ? 0 : value.toInteger();
                        QuotaCounter.Tally tally = counter.tally(key).orElse(null);
                        counts.add(tally == null
                                ? new UsageClient.Count(day.userId(), day.day(), calls, null, null, null, null, null)
                                : new UsageClient.Count(day.userId(), day.day(), calls, tally.refused().get(), gatewayId,
                                        tally.accountId(), tally.edition(), tally.licenseId()));
                    });
                }
                usage.record(counts).await().atMost(REPLY_TIMEOUT);
                copied += counts.size();
            } while (!"0".equals(cursor));
            return copied;
        } finally {
            client.close();
        }
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(REPLY_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while copying usage counters", e);
        } catch (Exception e) {
            throw new IllegalStateException("Redis did not answer the usage copy: " + e, e);
        }
    }
}
