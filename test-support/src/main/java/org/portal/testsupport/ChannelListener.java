package org.portal.testsupport;

import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import org.awaitility.Awaitility;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.pubsub.PubSubCommands;

/**
 * Listens to a Redis channel for a test, and waits for a message that matches. It returns from
 * {@link #listen} only once Redis counts the subscription, so nothing published afterwards is missed.
 */
public final class ChannelListener implements AutoCloseable {

    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final PubSubCommands.RedisSubscriber subscriber;

    private ChannelListener(RedisDataSource redis, String channel) {
        long before = subscribers(redis, channel);
        subscriber = redis.pubsub(String.class).subscribe(channel, received::add);
        Awaitility.await("Redis registers the subscription to " + channel).atMost(Duration.ofSeconds(5))
                .pollInterval(Duration.ofMillis(10)).until(() -> subscribers(redis, channel) > before);
    }

    public static ChannelListener listen(RedisDataSource redis, String channel) {
        return new ChannelListener(redis, channel);
    }

    /** The first message within the timeout that matches, or null. */
    public String await(Predicate<String> matching, long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        for (long left = millis; left > 0; left = deadline - System.currentTimeMillis()) {
            String message = received.poll(left, TimeUnit.MILLISECONDS);
            if (message != null && matching.test(message)) {
                return message;
            }
        }
        return null;
    }

    @Override
    public void close() {
        subscriber.unsubscribe();
    }

    private static long subscribers(RedisDataSource redis, String channel) {
        return redis.execute("PUBSUB", "NUMSUB", channel).get(1).toLong();
    }
}
