package org.portal.users.me;

import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The columns each section's lists can show, from sections-service within the limits of a neighbour
 * call: 2.5 s, an error asked once more, a breaker after half of 20 fail.
 */
@ApplicationScoped
public class SectionColumns {

    private final SectionColumnsClient client;

    public SectionColumns(@RestClient SectionColumnsClient client) {
        this.client = client;
    }

    /** Columns by section code. */
    @Timeout(value = 2500, unit = ChronoUnit.MILLIS)
    @Retry(maxRetries = 1, delay = 50, abortOn = TimeoutException.class)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 5, delayUnit = ChronoUnit.SECONDS)
    public Map<String, List<String>> bySection() {
        return client.columns().stream()
                .collect(Collectors.toMap(SectionColumnsClient.SectionColumns::code,
                        SectionColumnsClient.SectionColumns::columns));
    }
}
