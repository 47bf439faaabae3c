package org.portal.testsupport;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisAPI;
import io.vertx.redis.client.Response;

/**
 * Gives a test run a key namespace of its own on a real Redis server, and deletes every key in it
 * afterwards. Services prefix all their keys and channels with {@code portal.*.redis-namespace}.
 */
public class RedisTestNamespace implements QuarkusTestResourceLifecycleManager {

    private String namespace;

    @Override
    public Map<String, String> start() {
        namespace = "test-" + UUID.randomUUID() + ":";
        withRedis(api -> api.ping(java.util.List.of()).toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS));
        return Map.of("quarkus.redis.hosts", TestEnvironment.redisUrl(), "portal.redis-namespace", namespace);
    }

    @Override
    public void stop() {
        withRedis(api -> {
            String cursor = "0";
            do {
                Response page = api.scan(java.util.List.of(cursor, "MATCH", namespace + "*", "COUNT", "1000"))
                        .toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
                cursor = page.get(0).toString();
                if (page.get(1).size() > 0) {
                    api.send(Command.DEL, page.get(1).stream().map(Response::toString).toArray(String[]::new))
                            .toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
                }
            } while (!"0".equals(cursor));
            return null;
        });
    }

    public String namespace() {
        return namespace;
    }

    private interface RedisWork {
        Object run(RedisAPI api) throws Exception;
    }

    private static void withRedis(RedisWork work) {
        Vertx vertx = Vertx.vertx();
        Redis client = Redis.createClient(vertx, TestEnvironment.redisUrl());
        try {
            work.run(RedisAPI.api(client));
        } catch (Exception e) {
            throw new IllegalStateException("Redis at " + TestEnvironment.redisUrl() + " is needed for the tests;"
                    + " start it with deploy/local/infra.sh or set PORTAL_TEST_REDIS_URL: " + e.getMessage(), e);
        } finally {
            client.close();
            vertx.close();
        }
    }
}
