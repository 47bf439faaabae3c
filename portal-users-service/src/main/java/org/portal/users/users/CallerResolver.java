package org.portal.users.users;

import jakarta.enterprise.context.RequestScoped;
import jakarta.transaction.Transactional;

import org.portal.tokens.Roles;
import org.portal.users.access.Caller;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.identity.SecurityIdentity;

@RequestScoped
public class CallerResolver {

    private final SecurityIdentity identity;

    public CallerResolver(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** The caller as a manager of users; anyone else is refused. */
    @Transactional
    public Caller manager() {
        String subject = identity.getPrincipal().getName();
        if (identity.hasRole(Roles.PORTAL_ADMIN)) {
            return Caller.administrator(subject);
        }
        PortalUser user = PortalUser.bySubject(subject).orElse(null);
        if (user == null || !user.accountAdmin || user.status != UserStatus.active) {
            throw new ForbiddenException("Only portal administrators and account administrators manage users");
        }
        return new Caller(subject, user.accountId);
    }
}
