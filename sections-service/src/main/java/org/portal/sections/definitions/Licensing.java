package org.portal.sections.definitions;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.portal.events.ChangeEvent;
import org.portal.events.ReceivedChange;
import org.portal.problem.ServiceUnavailable;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.logging.Log;

/** What licensing-service knows that sections need: custom-section limits, and a user's entitlement. */
@ApplicationScoped
public class Licensing {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Catalogue(List<Edition> editions) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Edition(String code, int customSectionLimit, Map<String, List<String>> grants) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Entitlement(String edition, List<Grant> sections) {

        public Set<String> sectionCodes() {
            return sections.stream().map(Grant::code).collect(Collectors.toSet());
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Grant(String code, List<String> operations) {
    }

    private final LicensingCalls licensing;
    private final Cache entitlements;

    public Licensing(LicensingCalls licensing, @CacheName("entitlements") Cache entitlements) {
        this.licensing = licensing;
        this.entitlements = entitlements;
    }

    /** The edition of this code in the licensing catalogue, the one place editions are defined. */
    public Optional<Edition> edition(String code) {
        return call(() -> licensing.catalogue().editions().stream().filter(e -> e.code().equals(code)).findFirst());
    }

    /** The catalogue's sections of an edition, with the operations it grants on each. */
    public Map<String, List<String>> grants(String edition) {
        return call(() -> licensing.catalogue().editions().stream().filter(e -> e.code().equals(edition)).findFirst()
                .map(Edition::grants).orElse(Map.of()));
    }

    /**
     * The user's entitlement, cached for the main page, which every portal user loads first; a seat or
     * license change drops it.
     */
    public Optional<Entitlement> cachedEntitlement(UUID userId) {
        return entitlements.get(userId, this::entitlement).await().atMost(Duration.ofSeconds(3));
    }

    void onChange(@Observes ReceivedChange change) {
        ChangeEvent event = change.event();
        if (event.kind() == ChangeEvent.Kind.SEAT_CHANGED && event.userId() != null) {
            entitlements.invalidate(event.userId()).await().indefinitely();
        } else if (event.kind() == ChangeEvent.Kind.LICENSE_CHANGED) {
            entitlements.invalidateAll().await().indefinitely();
        }
    }

    public Map<String, Integer> customSectionLimits() {
        return call(() -> licensing.catalogue().editions().stream()
                .collect(Collectors.toMap(Edition::code, Edition::customSectionLimit)));
    }

    /** The user's entitlement, or empty when they hold no valid seat. */
    public Optional<Entitlement> entitlement(UUID userId) {
        return call(() -> licensing.entitlement(userId));
    }

    /** What licensing-service answered; a 503 problem naming it when it cannot answer now. */
    private static <T> T call(Supplier<T> work) {
        try {
            return work.get();
        } catch (RuntimeException e) {
            Log.warnf("licensing-service call failed: %s", e.toString());
            throw new ServiceUnavailable("licensing", "Licensing service unavailable",
                    "The licensing service did not answer; nothing changed, try again shortly");
        }
    }
}
