package org.portal.sections.access;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.portal.tokens.Roles;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Who may administer on an account's behalf: portal administrators every account, an active account
 * administrator their own account. The one place that rule is read for sections-service's admin APIs.
 */
@ApplicationScoped
public class AccountAdministrators {

    private final SecurityIdentity identity;
    private final PortalUsers portalUsers;

    public AccountAdministrators(SecurityIdentity identity, PortalUsers portalUsers) {
        this.identity = identity;
        this.portalUsers = portalUsers;
    }

    /**
     * Empty for a portal administrator (every account); the calling account administrator; a 403
     * naming {@code what} for anyone else.
     */
    public Optional<SubjectView> require(String what) {
        if (identity.hasRole(Roles.PORTAL_ADMIN)) {
            return Optional.empty();
        }
        SubjectView user = portalUsers.bySubject(identity.getPrincipal().getName()).orElse(null);
        if (user == null || !user.accountAdmin() || !"active".equals(user.status())) {
            throw new ForbiddenException(what + " are for portal administrators and account administrators");
        }
        return Optional.of(user);
    }
}
