package org.portal.events;

import java.time.Duration;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.subscription.Cancellable;

/**
 * Listens to the portal's change channel, in the services that cache others' facts
 * ({@code portal.change-events.subscribe=true}), and fires each event as a {@link ReceivedChange}.
 * A lost connection is retried with back-off; meanwhile the readers' cache expiry bounds staleness.
 */
@ApplicationScoped
public class ChangeEventSubscriber {

    private final ReactiveRedisDataSource redis;
    private final ObjectMapper json;
    private final Event<ReceivedChange> received;
    private final String channel;
    private final boolean enabled;
    private Cancellable subscription;

    public ChangeEventSubscriber(ReactiveRedisDataSource redis, ObjectMapper json, Event<ReceivedChange> received,
            @ConfigProperty(name = "portal.redis-namespace", defaultValue = "portal:") String namespace,
            @ConfigProperty(name = "portal.change-events.subscribe", defaultValue = "false") boolean enabled) {
        this.redis = redis;
        this.json = json;
        this.received = received;
        this.channel = ChangeEventPublisher.channel(namespace);
        this.enabled = enabled;
    }

    void start(@Observes StartupEvent startup) {
        if (!enabled) {
            return;
        }
        subscription = redis.pubsub(String.class).subscribe(channel)
                .onFailure().invoke(e -> Log.warnf("Change events unavailable, retrying: %s", e.toString()))
                .onFailure().retry().withBackOff(Duration.ofMillis(500), Duration.ofSeconds(15)).indefinitely()
                // Off the event loop: the observers may block (a cache invalidation, a database read).
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .subscribe().with(this::deliver);
    }

    private void deliver(String message) {
        ChangeEvent event;
        try {
            event = json.readValue(message, ChangeEvent.class);
        } catch (Exception e) {
            Log.warnf("Ignoring an unreadable change event %s: %s", message, e.toString());
            return;
        }
        try {
            received.fire(new ReceivedChange(event));
        } catch (RuntimeException e) {
            Log.errorf(e, "A reader failed to handle %s; its cache expiry will catch up", message);
        }
    }

    @PreDestroy
    void stop() {
        if (subscription != null) {
            subscription.cancel();
        }
    }
}
