package org.portal.gateway.access;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.portal.events.ChangeEvent;
import org.portal.events.ReceivedChange;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.logging.Log;
import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import io.smallrye.mutiny.Uni;

/** Which editions may use each custom section, from sections-service: held once, dropped on sections-changed. */
@ApplicationScoped
public class CustomSections {

    @RegisterRestClient(configKey = "sections")
    @OidcClientFilter
    @Path("/internal/sections")
    public interface Client {
        @GET
        Uni<List<Custom>> custom();

        /** Any error status: sections-service cannot answer now. */
        @ClientExceptionMapper
        static RuntimeException toException(Response response) {
            return new NeighbourFailed("sections-service answered " + response.getStatus());
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Custom(String code, List<String> editions) {
    }

    /** Custom section code to the editions it is for; a custom section offers read, create and edit. */
    public record Editions(Map<String, Set<String>> byCode) {
        public boolean isFor(String section, String edition) {
            return edition != null && byCode.getOrDefault(section, Set.of()).contains(edition);
        }
    }

    private static final String KEY = "all";

    private final AccessLookups lookups;
    private final Cache cache;

    public CustomSections(AccessLookups lookups, @CacheName("custom-sections") Cache cache) {
        this.lookups = lookups;
        this.cache = cache;
    }

    public Uni<Editions> editions() {
        return cache.getAsync(KEY, key -> lookups.customSections().map(list -> new Editions(list.stream()
                .collect(Collectors.toUnmodifiableMap(Custom::code, c -> Set.copyOf(c.editions()))))))
                .ifNoItem().after(AccessContextResolver.LOOKUP_TIMEOUT).fail()
                .onFailure().transform(e -> {
                    Log.warnf("Custom sections look-up failed: %s", e.toString());
                    return new AccessRefused(AccessRefused.LOOKUP_UNAVAILABLE,
                            "The custom sections cannot be checked right now; try again shortly");
                });
    }

    void onChange(@Observes ReceivedChange change) {
        if (change.event().kind() == ChangeEvent.Kind.SECTIONS_CHANGED) {
            cache.invalidateAll().await().indefinitely();
        }
    }
}
