package org.portal.users.users;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import org.portal.problem.Conflict;
import org.portal.problem.NotFound;
import org.portal.problem.Unprocessable;
import org.portal.users.accounts.Account;

@ApplicationScoped
public class PortalUserService {

    @Transactional
    public PortalUser create(NewPortalUser request) {
        if (Account.findById(request.accountId()) == null) {
            throw new Unprocessable("No account " + request.accountId());
        }
        String email = request.email().strip();
        if (PortalUser.count("lower(email) = ?1", email.toLowerCase(Locale.ROOT)) > 0) {
            throw new Conflict("A portal user with email " + email + " exists already");
        }
        if (PortalUser.bySubject(request.subject()).isPresent()) {
            throw new Conflict("The identity " + request.subject() + " is linked to a portal user already");
        }
        PortalUser user = new PortalUser();
        user.id = UUID.randomUUID();
        user.subject = request.subject();
        user.email = email;
        user.displayName = request.displayName().strip();
        user.accountId = request.accountId();
        user.status = UserStatus.active;
        user.accessScope = request.accessScope() == null ? AccessScope.account : request.accessScope();
        user.accountAdmin = request.accountAdmin();
        user.createdAt = Instant.now();
        user.persist();
        return user;
    }

    @Transactional
    public PortalUser bySubject(String subject) {
        return PortalUser.bySubject(subject).orElseThrow(() -> new NotFound("No portal user for subject " + subject));
    }
}
