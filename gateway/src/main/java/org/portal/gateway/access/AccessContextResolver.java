package org.portal.gateway.access;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
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

    private static boolean isNotFound(Throwable failure) {
        return failure instanceof WebApplicationException web && web.getResponse().getStatus() == 404;
    }
}
