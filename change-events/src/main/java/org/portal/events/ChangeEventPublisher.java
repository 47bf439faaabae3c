package org.portal.events;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;

/**
 * Publishes change events on the portal's Redis channel. Services fire a {@link ChangeEvent} as a CDI
 * event inside their transaction; it leaves only once the change is committed, so no reader reloads
 * before the new state is visible. Publishing never fails the change itself: a lost event is healed
 * by the readers' cache expiry.
 */
@ApplicationScoped
public class ChangeEventPublisher {

    private final ReactiveRedisDataSource redis;
    private final ObjectMapper json;
    private final String channel;

    public ChangeEventPublisher(ReactiveRedisDataSource redis, ObjectMapper json,
            @ConfigProperty(name = "portal.redis-namespace", defaultValue = "portal:") String namespace) {
        this.redis = redis;
        this.json = json;
        this.channel = channel(namespace);
    }

    public static String channel(String namespace) {
        return namespace + "changes";
    }

    void afterCommit(@Observes(during = TransactionPhase.AFTER_SUCCESS) ChangeEvent event) {
        publish(event);
    }

    /** Publishes at once: for facts that are not written in a transaction (the gateway's counters). */
    public void publish(ChangeEvent event) {
        String message;
        try {
            message = json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        redis.pubsub(String.class).publish(channel, message).subscribe().with(
                receivers -> Log.debugf("Published %s to %d receivers", message, receivers),
                failure -> Log.warnf("Could not publish %s (readers will catch up when their caches expire): %s",
                        message, failure.toString()));
    }
}
