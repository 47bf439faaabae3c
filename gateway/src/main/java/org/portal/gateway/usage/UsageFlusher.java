package org.portal.gateway.usage;

import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.redis.datasource.keys.KeyScanArgs;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.portal.gateway.quota.QuotaCounter;

/**
 * Copies the daily counters from Redis to licensing-service's database, so that usage history
 * survives a Redis loss except for the minutes since the last copy. Every gateway instance copies;
 * the store keeps the highest count per user and day, so copies never conflict.
 */
@ApplicationScoped
public class UsageFlusher {

    private final RedisDataSource redis;
    private final UsageClient usage;
    private final QuotaCounter counter;

    public UsageFlusher(RedisDataSource redis, @RestClient UsageClient usage, QuotaCounter counter) {
        this.redis = redis;
        this.usage = usage;
        this.counter = counter;
    }

    @Scheduled(every = "${portal.usage.flush-every}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        try {
            flush();
        } catch (RuntimeException e) {
            Log.warnf("Copying usage counters failed; the next copy will catch up: %s", e.toString());
        }
    }

    /** Copies every counter now; returns how many. */
    public int flush() {
        var cursor = redis.key().scan(new KeyScanArgs().match(counter.keyPattern()).count(1000));
        int copied = 0;
        while (cursor.hasNext()) {
            List<String> keys = new ArrayList<>(cursor.next());
            if (keys.isEmpty()) {
                continue;
            }
            Map<String, String> values = redis.value(String.class).mget(keys.toArray(String[]::new));
            List<UsageClient.Count> counts = new ArrayList<>();
            values.forEach((key, value) -> {
                String[] parts = key.split(":");
                if (value != null && parts.length >= 3) {
                    counts.add(new UsageClient.Count(UUID.fromString(parts[parts.length - 2]),
                            LocalDate.parse(parts[parts.length - 1]), Integer.parseInt(value)));
                }
            });
            usage.record(counts).await().atMost(Duration.ofSeconds(10));
            copied += counts.size();
        }
        return copied;
    }
}
