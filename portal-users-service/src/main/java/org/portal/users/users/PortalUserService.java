package org.portal.users.users;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import org.portal.audit.AuditTrail;
import org.portal.events.ChangeEvent;
import org.portal.problem.Conflict;
import org.portal.problem.NotFound;
import org.portal.problem.Unprocessable;
import org.portal.users.access.Caller;
import org.portal.users.accounts.Account;
import org.portal.users.identity.IdentityProvider;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class PortalUserService {

    private final IdentityProvider identityProvider;
    private final Event<ChangeEvent> changes;
    private final Event<UserJoined> joined;
    private final Event<UserBlocked> blocked;
    private final Clock clock;
    private final AuditTrail audit;

    public PortalUserService(IdentityProvider identityProvider, Event<ChangeEvent> changes, Event<UserJoined> joined,
            Event<UserBlocked> blocked, Clock clock, AuditTrail audit) {
        this.audit = audit;
        this.identityProvider = identityProvider;
        this.changes = changes;
        this.joined = joined;
        this.blocked = blocked;
        this.clock = clock;
    }

    /** Makes it known that a user became active: approved, invited, or linked by staff. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void activated(PortalUser user) {
        changes.fire(ChangeEvent.userChanged(user.id, user.subject));
        joined.fire(new UserJoined(user));
    }

    @Transactional
    public PortalUser create(Caller caller, NewPortalUser request) {
        caller.requirePortalAdmin("link an identity to a portal user by hand; invite the person instead");
        caller.requireManages(request.accountId(), "account " + request.accountId());
        if (Account.findById(request.accountId()) == null) {
            throw new Unprocessable("No account " + request.accountId());
        }
        requireFreeEmail(request.email().strip(), null);
        if (PortalUser.bySubject(request.subject()).isPresent()) {
            throw new Conflict("The identity " + request.subject() + " is linked to a portal user already");
        }
        return persistActive(request.subject(), request.email().strip(), request.displayName().strip(),
                request.accountId(), request.accessScope(), request.accountAdmin());
    }

    /** A new active portal user; the caller has checked account, email and subject. */
    @Transactional(Transactional.TxType.MANDATORY)
    public PortalUser persistActive(String subject, String email, String displayName, UUID accountId, AccessScope scope,
            boolean accountAdmin) {
        PortalUser user = new PortalUser();
        user.id = UUID.randomUUID();
        user.subject = subject;
        user.email = email;
        user.displayName = displayName;
        user.accountId = accountId;
        user.status = UserStatus.active;
        user.accessScope = scope == null ? AccessScope.account : scope;
        user.accountAdmin = accountAdmin;
        user.createdAt = Instant.now(clock);
        user.updatedAt = user.createdAt;
        user.preferences = Preferences.NONE;
        user.persist();
        audit.record("user.created", "portal-user", user.id, user.accountId, null, PortalUserView.from(user));
        activated(user);
        return user;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void requireFreeEmail(String email, UUID except) {
        long taken = except == null ? PortalUser.count("lower(email) = ?1", email.toLowerCase(Locale.ROOT))
                : PortalUser.count("lower(email) = ?1 and id <> ?2", email.toLowerCase(Locale.ROOT), except);
        if (taken > 0) {
            throw new Conflict("A portal user with email " + email + " exists already");
        }
    }

    @Transactional
    public UserPage search(Caller caller, UUID accountId, UserStatus status, String email, String text, int offset,
            int limit) {
        List<String> where = new ArrayList<>();
        Parameters parameters = new Parameters();
        UUID account = caller.isPortalAdmin() ? accountId : caller.accountId();
        if (account != null) {
            where.add("accountId = :account");
            parameters.and("account", account);
        }
        if (status != null) {
            where.add("status = :status");
            parameters.and("status", status);
        }
        if (email != null) {
            where.add("lower(email) = :email");
            parameters.and("email", email.strip().toLowerCase(Locale.ROOT));
        }
        if (text != null && !text.isBlank()) {
            where.add("(lower(email) like :text or lower(displayName) like :text)");
            parameters.and("text", "%" + text.strip().toLowerCase(Locale.ROOT).replace("%", "\\%").replace("_", "\\_") + "%");
        }
        Sort sort = Sort.by("email").and("id");
        var query = where.isEmpty() ? PortalUser.<PortalUser> findAll(sort)
                : PortalUser.<PortalUser> find(String.join(" and ", where), sort, parameters);
        List<PortalUserView> items = query.range(offset, offset + limit - 1).list().stream().map(PortalUserView::from).toList();
        return new UserPage(items, offset, limit, query.count());
    }

    @Transactional
    public PortalUser get(Caller caller, UUID id) {
        PortalUser user = PortalUser.findById(id);
        if (user == null) {
            throw new NotFound("No portal user " + id);
        }
        caller.requireManages(user.accountId, "portal user " + id);
        return user;
    }

    /**
     * Changes what the update names. Blocking disables the person at the identity provider too (no
     * new tokens), and every change is announced so the gateway drops what it cached at once.
     */
    @Transactional
    public PortalUser update(Caller caller, UUID id, UserUpdate update) {
        PortalUser user = get(caller, id);
        PortalUserView before = PortalUserView.from(user);
        if (update.accountId() != null && !update.accountId().equals(user.accountId)) {
            caller.requirePortalAdmin("move users between accounts");
            if (Account.findById(update.accountId()) == null) {
                throw new Unprocessable("No account " + update.accountId());
            }
            user.accountId = update.accountId();
        }
        if (update.displayName() != null) {
            user.displayName = update.displayName().strip();
        }
        if (update.accessScope() != null) {
            user.accessScope = update.accessScope();
        }
        if (update.accountAdmin() != null && update.accountAdmin() != user.accountAdmin) {
            caller.requirePortalAdmin("make or unmake account administrators");
            user.accountAdmin = update.accountAdmin();
        }
        if (update.status() != null && update.status() != user.status) {
            changeStatus(caller, user, update.status());
        }
        user.updatedAt = Instant.now(clock);
        audit.record(action(before, user), "portal-user", user.id, user.accountId, before, PortalUserView.from(user));
        changes.fire(ChangeEvent.userChanged(user.id, user.subject));
        return user;
    }

    /** What a change to a user is called in the audit trail: its weightiest part. */
    private static String action(PortalUserView before, PortalUser after) {
        if (before.status() != after.status) {
            return after.status == UserStatus.blocked ? "user.blocked" : "user.unblocked";
        }
        return before.accountId().equals(after.accountId) ? "user.changed" : "user.moved";
    }

    private void changeStatus(Caller caller, PortalUser user, UserStatus target) {
        if (target == UserStatus.pending) {
            throw new Unprocessable("A user cannot be set back to pending");
        }
        if (user.status == UserStatus.pending) {
            throw new Unprocessable("A pending user is activated by approving their registration");
        }
        if (user.status == UserStatus.blocked && user.blockedByStaff) {
            caller.requirePortalAdmin("undo a block that portal staff set");
        }
        if (user.subject != null) {
            if (target == UserStatus.blocked) {
                identityProvider.disable(user.subject);
            } else {
                identityProvider.enable(user.subject);
            }
        }
        user.status = target;
        user.blockedByStaff = target == UserStatus.blocked && caller.isPortalAdmin();
        if (target == UserStatus.blocked) {
            blocked.fire(new UserBlocked(user, user.blockedByStaff));
        }
    }

    @Transactional
    public PortalUser bySubject(String subject) {
        return PortalUser.bySubject(subject).orElseThrow(() -> new NotFound("No portal user for subject " + subject));
    }

    @Transactional
    public PortalUser byId(UUID id) {
        return PortalUser.<PortalUser> findByIdOptional(id).orElseThrow(() -> new NotFound("No portal user " + id));
    }
}
