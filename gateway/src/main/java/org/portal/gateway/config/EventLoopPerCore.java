package org.portal.gateway.config;

import java.util.Map;
import java.util.Set;

import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * One Vert.x event loop per processor the JVM may use (in a container, its CPU limit), instead of
 * Vert.x's two: the gateway's event loops only move bytes and never block, so a second loop per core
 * adds threads that wait for the same core. Measured side by side at the same paced load (bench/README.md),
 * two loops on two cores answered with a lower median and tail than four. Below application.properties
 * and the environment, which still set {@code quarkus.vertx.event-loops-pool-size} when given.
 */
public class EventLoopPerCore implements ConfigSource {

    static final String EVENT_LOOPS = "quarkus.vertx.event-loops-pool-size";

    private final Map<String, String> values = Map.of(EVENT_LOOPS,
            Integer.toString(Runtime.getRuntime().availableProcessors()));

    @Override
    public Set<String> getPropertyNames() {
        return values.keySet();
    }

    @Override
    public String getValue(String propertyName) {
        return values.get(propertyName);
    }

    @Override
    public String getName() {
        return "gateway: one event loop per core";
    }

    @Override
    public int getOrdinal() {
        // Below application.properties (250), the environment (300) and system properties (400).
        return 150;
    }
}
