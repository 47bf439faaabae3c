package org.portal.sections.access;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.portal.events.ChangeEvent;
import org.portal.events.ReceivedChange;
import org.portal.problem.AccessProblems;
import org.portal.problem.ProblemException;
import org.portal.problem.ServiceUnavailable;
import org.portal.tokens.Roles;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;
import io.quarkus.logging.Log;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Finds the caller's account and scope: staff from their roles, portal users from
 * portal-users-service (cached per subject, dropped when their user changes).
 */
@ApplicationScoped
public class ViewerResolver {

    private final PortalUsers portalUsers;
    private final Cache cache;

    public ViewerResolver(PortalUsers portalUsers, @CacheName("viewers") Cache cache) {
        this.portalUsers = portalUsers;
        this.cache = cache;
    }

    public Viewer resolve(SecurityIdentity identity) {
        String subject = identity.getPrincipal().getName();
        if (identity.hasRole(Roles.PORTAL_AGENT) || identity.hasRole(Roles.PORTAL_ADMIN)) {
            Set<Actor> actors = EnumSet.noneOf(Actor.class);
            if (identity.hasRole(Roles.PORTAL_AGENT)) {
                actors.add(Actor.AGENT);
            }
            if (identity.hasRole(Roles.PORTAL_ADMIN)) {
                actors.add(Actor.ADMIN);
            }
            return Viewer.staff(subject, actors);
        }
        if (!identity.hasRole(Roles.PORTAL_USER)) {
            throw new ForbiddenException("Records are for portal users and staff");
        }
        SubjectView user = cache.get(subject, this::lookUp).await().atMost(Duration.ofSeconds(3));
        if (!"active".equals(user.status())) {
            throw AccessProblems.notActive(user.status());
        }
        return Viewer.portalUser(subject, user.userId(), user.accountId(), "own".equals(user.accessScope()));
    }

    /** The language a portal user prefers (a BCP 47 tag), from what is cached of them; empty for staff or none. */
    public Optional<String> preferredLanguage(SecurityIdentity identity) {
        if (!identity.hasRole(Roles.PORTAL_USER) || identity.hasRole(Roles.PORTAL_AGENT)
                || identity.hasRole(Roles.PORTAL_ADMIN)) {
            return Optional.empty();
        }
        return Optional.ofNullable(cache.get(identity.getPrincipal().getName(), this::lookUp).await()
                .atMost(Duration.ofSeconds(3)).language());
    }

    private SubjectView lookUp(String subject) {
        return ask(() -> portalUsers.bySubject(subject))
                .orElseThrow(() -> new ProblemException(AccessProblems.NOT_A_PORTAL_USER,
                        "Your identity is not linked to a portal user; register or accept an invitation first"));
    }

    /** A portal user by id (an approver to check), or empty when there is none. Not cached: a decision needs today's status. */
    public Optional<SubjectView> portalUser(UUID userId) {
        return ask(() -> portalUsers.byId(userId));
    }

    /** portal-users-service's answer, empty when it knows nobody of that name; a 503 problem when it cannot answer. */
    private static Optional<SubjectView> ask(Supplier<Optional<SubjectView>> call) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            throw unavailable(e);
        }
    }

    void onChange(@Observes ReceivedChange change) {
        ChangeEvent event = change.event();
        if (event.kind() == ChangeEvent.Kind.USER_CHANGED && event.subject() != null) {
            cache.invalidate(event.subject()).await().indefinitely();
        }
    }

    private static ServiceUnavailable unavailable(RuntimeException e) {
        Log.warnf("portal-users-service look-up failed: %s", e.toString());
        return new ServiceUnavailable("portal-users", "Portal users service unavailable",
                "Your access rights cannot be checked right now; try again shortly");
    }

}
