package org.portal.gateway.access;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.cache.CaffeineCache;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;
import org.portal.events.ChangeEvent;
import org.portal.events.ReceivedChange;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.time.Duration;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * Finds a portal user's access context: their status and account from portal-users-service, their
 * edition and grants from licensing-service. Answers are cached per subject, so a warm call makes no
 * request to another service; a failed look-up is not cached.
 */
@ApplicationScoped
public class AccessContextResolver {

    static final Duration LOOKUP_TIMEOUT = Duration.ofMillis(1500);

    private final PortalUsersClient portalUsers;
    private final LicensingClient licensing;
    private final Cache cache;

    public AccessContextResolver(@RestClient PortalUsersClient portalUsers, @RestClient LicensingClient licensing,
            @CacheName("access-context") Cache cache) {
        this.portalUsers = portalUsers;
        this.licensing = licensing;
        this.cache = cache;
    }

    public Uni<AccessContext> resolve(String subject) {
        return cache.getAsync(subject, this::lookUp);
    }

    private Uni<AccessContext> lookUp(String subject) {
        return portalUsers.subject(subject)
                .onFailure(AccessContextResolver::isNotFound).transform(e -> new AccessRefused(
                        AccessRefused.NOT_A_PORTAL_USER, "Your identity is not linked to a portal user; register or accept an invitation first"))
                .flatMap(user -> licensing.entitlement(user.userId())
                        .map(entitlement -> AccessContext.of(user, entitlement))
                        .onFailure(AccessContextResolver::isNotFound).recoverWithItem(() -> AccessContext.withoutSeat(user)))
                .ifNoItem().after(LOOKUP_TIMEOUT).fail()
                .onFailure(e -> !(e instanceof AccessRefused)).transform(e -> {
                    Log.warnf("Access context look-up for %s failed: %s", subject, e.toString());
                    return new AccessRefused(AccessRefused.LOOKUP_UNAVAILABLE,
                            "The services that hold your access rights did not answer; try again shortly");
                });
    }

    /**
     * Drops what a change event makes stale: a user's context by subject (user-changed), the holder's
     * context (seat-changed), every holder of a license (license-changed). The next call reloads.
     */
    void onChange(@Observes ReceivedChange change) {
        ChangeEvent event = change.event();
        switch (event.kind()) {
            case ChangeEvent.USER_CHANGED -> {
                if (event.subject() != null) {
                    cache.invalidate(event.subject()).await().indefinitely();
                }
                dropWhere(context -> context.userId().equals(event.userId()));
            }
            case ChangeEvent.SEAT_CHANGED -> dropWhere(context -> context.userId().equals(event.userId()));
            case ChangeEvent.LICENSE_CHANGED -> dropWhere(context -> event.licenseId().equals(context.licenseId()));
            default -> {
            }
        }
    }

    private void dropWhere(Predicate<AccessContext> stale) {
        CaffeineCache contexts = cache.as(CaffeineCache.class);
        for (Object subject : contexts.keySet()) {
            CompletableFuture<Object> entry = contexts.getIfPresent(subject);
            Object context = entry == null ? null : entry.getNow(null);
            if (context instanceof AccessContext access && stale.test(access)) {
                contexts.invalidate(subject).await().indefinitely();
            }
        }
    }

    private static boolean isNotFound(Throwable failure) {
        return failure instanceof WebApplicationException web && web.getResponse().getStatus() == 404;
    }
}
