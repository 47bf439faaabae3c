package org.portal.gateway.access;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.portal.events.ChangeEvent;
import org.portal.events.ReceivedChange;
import org.portal.gateway.config.GatewayConfig;

import com.github.benmanes.caffeine.cache.AsyncLoadingCache;
import com.github.benmanes.caffeine.cache.Caffeine;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;

/**
 * Finds a portal user's access context: their status and account from portal-users-service, their
 * edition and grants from licensing-service. Answers are cached per subject, so a warm call makes no
 * request to another service; a failed look-up is not cached.
 *
 * <p>
 * A context read after {@code refresh-after} is served as it is while a fresh one is looked up in
 * the background, so a busy user never waits on a look-up once their context is cached; a failed
 * refresh keeps the old one until {@code expire-after}, which bounds how stale a context can get when
 * the services do not answer. Change events drop contexts at once.
 */
// A singleton: on every call's path, where a client proxy's context look-up costs (docs/architecture.md).
@Singleton
public class AccessContextResolver {

    static final Duration LOOKUP_TIMEOUT = Duration.ofMillis(1500);

    private final AccessLookups lookups;
    private final AsyncLoadingCache<String, AccessContext> contexts;
    /** The subject each user was last loaded under, so that a seat change drops one entry, not a scan. */
    private final Map<UUID, String> subjectOfUser = new ConcurrentHashMap<>();

    public AccessContextResolver(AccessLookups lookups, GatewayConfig config) {
        this.lookups = lookups;
        this.contexts = Caffeine.newBuilder()
                .maximumSize(config.accessContext().maximumSize())
                .refreshAfterWrite(config.accessContext().refreshAfter())
                .expireAfterWrite(config.accessContext().expireAfter())
                .buildAsync((subject, executor) -> plain(lookUp(subject)));
    }

    /**
     * The subject's access context: a completed stage when it is cached, so that a warm call continues on
     * its own thread without a reactive pipeline around it.
     */
    public CompletionStage<AccessContext> resolve(String subject) {
        return contexts.get(subject);
    }

    /**
     * The look-up's outcome in a plain future. Mutiny's own would carry the context of the call that
     * started the look-up into every later call's continuation on the cached entry, capturing and
     * restoring it each time.
     */
    private static CompletableFuture<AccessContext> plain(Uni<AccessContext> lookUp) {
        CompletableFuture<AccessContext> outcome = new CompletableFuture<>();
        lookUp.subscribe().with(outcome::complete, outcome::completeExceptionally);
        return outcome;
    }

    private Uni<AccessContext> lookUp(String subject) {
        return lookups.subject(subject)
                .map(user -> user.orElseThrow(() -> new AccessRefused(AccessRefused.NOT_A_PORTAL_USER,
                        "Your identity is not linked to a portal user; register or accept an invitation first")))
                .flatMap(user -> lookups.entitlement(user.userId())
                        .map(entitlement -> entitlement.map(e -> AccessContext.of(user, e))
                                .orElseGet(() -> AccessContext.withoutSeat(user))))
                .ifNoItem().after(LOOKUP_TIMEOUT).fail()
                .invoke(context -> subjectOfUser.put(context.userId(), subject))
                .onFailure(e -> !(e instanceof AccessRefused)).transform(e -> {
                    Log.warnf("Access context look-up for %s failed: %s", subject, e.toString());
                    return new AccessRefused(AccessRefused.LOOKUP_UNAVAILABLE,
                            "The services that hold your access rights did not answer; try again shortly");
                });
    }

    /**
     * Drops what a change event makes stale: a user's context by subject (user-changed), the holder's
     * context (seat-changed), every holder of a license (license-changed). The next call reloads.
     * Events arrive on a worker thread; only a license change, which is rare, looks at every context.
     */
    void onChange(@Observes ReceivedChange change) {
        ChangeEvent event = change.event();
        if (event.kind() == null) {
            return;
        }
        switch (event.kind()) {
            case USER_CHANGED -> {
                if (event.subject() != null) {
                    contexts.synchronous().invalidate(event.subject());
                }
                dropUser(event.userId());
            }
            case SEAT_CHANGED -> dropUser(event.userId());
            case LICENSE_CHANGED -> contexts.synchronous().asMap().values()
                    .removeIf(context -> event.licenseId().equals(context.licenseId()));
            default -> {
            }
        }
    }

    private void dropUser(UUID userId) {
        String subject = userId == null ? null : subjectOfUser.get(userId);
        if (subject != null) {
            contexts.synchronous().invalidate(subject);
        }
    }
}
