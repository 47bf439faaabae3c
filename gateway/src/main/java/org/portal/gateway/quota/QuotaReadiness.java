package org.portal.gateway.quota;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.portal.gateway.config.GatewayConfig;

/**
 * The gateway's readiness as far as counting calls goes. Failing open, a gateway without Redis still
 * serves every call (uncounted), so it stays ready: taking every instance out of its Service at once
 * would turn a Redis outage into a full one. Failing closed, it cannot serve counted calls while
 * Redis is gone, and says so. Either way the state is in the check's data (and in metrics).
 */
@Readiness
@ApplicationScoped
public class QuotaReadiness implements HealthCheck {

    private final QuotaCounter counter;
    private final boolean failOpen;

    public QuotaReadiness(QuotaCounter counter, GatewayConfig config) {
        this.counter = counter;
        this.failOpen = config.quota().failOpen();
    }

    @Override
    public HealthCheckResponse call() {
        boolean gone = counter.redisGone();
        return HealthCheckResponse.named("quota-counter")
                .withData("redis", gone ? "gone (breaker open)" : "counting")
                .withData("outage-policy", failOpen ? "fail-open" : "fail-closed")
                .status(failOpen || !gone).build();
    }
}
