package org.portal.users.registrations;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.portal.audit.AuditTrail;
import org.portal.problem.Conflict;
import org.portal.problem.NotFound;
import org.portal.problem.Unprocessable;
import org.portal.users.access.Caller;
import org.portal.users.accounts.Account;
import org.portal.users.config.UsersConfig;
import org.portal.users.identity.IdentityProvider;
import org.portal.users.licensing.Seats;
import org.portal.users.mail.MailOutbox;
import org.portal.users.notifications.StaffNoticeKind;
import org.portal.users.notifications.StaffNotices;
import org.portal.users.users.AccessScope;
import org.portal.users.users.PortalUser;
import org.portal.users.users.PortalUserService;
import org.portal.users.users.Preferences;
import org.portal.users.users.UserStatus;

import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class RegistrationService {

    private final PortalUserService users;
    private final Seats seats;
    private final IdentityProvider identityProvider;
    private final MailOutbox outbox;
    private final StaffNotices staffNotices;
    private final UsersConfig config;
    private final Clock clock;
    private final AuditTrail audit;

    public RegistrationService(PortalUserService users, Seats seats,
            IdentityProvider identityProvider, MailOutbox outbox, StaffNotices staffNotices, UsersConfig config, Clock clock,
            AuditTrail audit) {
        this.audit = audit;
        this.staffNotices = staffNotices;
        this.identityProvider = identityProvider;
        this.outbox = outbox;
        this.config = config;
        this.users = users;
        this.seats = seats;
        this.clock = clock;
    }

    /**
     * Records a registration and makes the person a pending portal user. A company name that matches
     * an account's puts the registration in that account, for its administrators to decide.
     */
    @Transactional
    public Registration register(String subject, String email, NewRegistration request) {
        if (PortalUser.bySubject(subject).isPresent()) {
            throw new Conflict("You are a portal user already");
        }
        users.requireFreeEmail(email, null);
        Account account = Account.<Account> find("lower(name) = ?1", request.companyName().strip().toLowerCase(Locale.ROOT))
                .firstResult();
        PortalUser pending = new PortalUser();
        pending.id = UUID.randomUUID();
        pending.subject = subject;
        pending.email = email;
        pending.displayName = request.displayName().strip();
        pending.accountId = account == null ? null : account.id;
        pending.status = UserStatus.pending;
        pending.accessScope = AccessScope.own;
        pending.createdAt = Instant.now(clock);
        pending.updatedAt = pending.createdAt;
        pending.preferences = Preferences.NONE;
        pending.persist();

        Registration registration = new Registration();
        registration.id = UUID.randomUUID();
        registration.subject = subject;
        registration.email = email;
        registration.displayName = pending.displayName;
        registration.companyName = request.companyName().strip();
        registration.phone = request.phone();
        registration.message = request.message();
        registration.accountId = pending.accountId;
        registration.userId = pending.id;
        registration.status = Registration.PENDING;
        registration.createdAt = pending.createdAt;
        registration.persist();
        outbox.enqueue("registration-received", email, "We received your portal registration",
                RegistrationMail.registrationReceived(registration.displayName, registration.companyName));
        staffNotices.tell(StaffNotices.idOf(StaffNoticeKind.REGISTRATION_RECEIVED, registration.id),
                StaffNoticeKind.REGISTRATION_RECEIVED,
                Map.of("displayName", registration.displayName, "email", email, "companyName", registration.companyName,
                        "account", account == null ? "none matched (choose one when approving)" : account.name));
        return registration;
    }

    @Transactional
    public List<Registration> list(Caller caller, String status, int offset, int limit) {
        Sort sort = Sort.by("createdAt").and("id");
        var query = caller.isPortalAdmin()
                ? (status == null ? Registration.<Registration> findAll(sort)
                        : Registration.<Registration> find("status", sort, status))
                : (status == null ? Registration.<Registration> find("accountId", sort, caller.accountId())
                        : Registration.<Registration> find("accountId = ?1 and status = ?2", sort, caller.accountId(), status));
        return query.range(offset, offset + limit - 1).list();
    }

    /**
     * Activates the pending user in the chosen account, makes them a portal user at the identity
     * provider, gives a seat of the edition if asked, and mails them the decision.
     */
    @Transactional
    public Registration approve(Caller caller, UUID id, Decision decision) {
        Registration registration = pending(caller, id);
        UUID accountId = decision.accountId() != null ? decision.accountId() : registration.accountId;
        if (accountId == null) {
            throw new Unprocessable("The registration matched no account: name the account to put the user in");
        }
        caller.requireManages(accountId, "account " + accountId);
        Account account = Account.findById(accountId);
        if (account == null) {
            throw new Unprocessable("No account " + accountId);
        }
        PortalUser user = PortalUser.findById(registration.userId);
        user.accountId = accountId;
        user.status = UserStatus.active;
        user.accessScope = decision.accessScope() == null ? AccessScope.account : decision.accessScope();
        user.updatedAt = Instant.now(clock);
        decide(caller, registration, Registration.APPROVED, decision.note());
        registration.accountId = accountId;
        audit.record("registration.approved", "registration", registration.id, accountId, null,
                new Decided(registration.status, registration.email, user.id, user.accessScope, decision.edition(),
                        decision.note()));
        users.activated(user);
        outbox.enqueue("registration-approved", user.email, "Your portal registration was approved",
                RegistrationMail.registrationApproved(user.displayName, account.name, decision.edition(),
                        config.portalUrl().toString()));
        // The role at the provider is what makes the person's next token work; granting it again is no
        // change, so a retry after a failure below is safe.
        identityProvider.grantPortalUser(user.subject);
        if (decision.edition() != null) {
            // Last, so that a refused seat rolls the approval back with it.
            seats.give(user.id, decision.edition(), caller);
        }
        return registration;
    }

    /** Refuses the registration; the pending user goes, the registration stays as the record of it. */
    @Transactional
    public Registration reject(Caller caller, UUID id, Decision decision) {
        Registration registration = pending(caller, id);
        decide(caller, registration, Registration.REJECTED, decision.note());
        audit.record("registration.rejected", "registration", registration.id, registration.accountId, null,
                new Decided(registration.status, registration.email, null, null, null, decision.note()));
        outbox.enqueue("registration-rejected", registration.email, "Your portal registration was not approved",
                RegistrationMail.registrationRejected(registration.displayName, decision.note()));
        PortalUser.deleteById(registration.userId);
        registration.userId = null;
        return registration;
    }

    private Registration pending(Caller caller, UUID id) {
        Registration registration = Registration.findById(id);
        if (registration == null || (!caller.isPortalAdmin() && !caller.accountId().equals(registration.accountId))) {
            throw new NotFound("No registration " + id);
        }
        if (!Registration.PENDING.equals(registration.status)) {
            throw new Conflict("Registration " + id + " was " + registration.status + " already");
        }
        return registration;
    }

    private void decide(Caller caller, Registration registration, String status, String note) {
        registration.status = status;
        registration.decidedAt = Instant.now(clock);
        registration.decidedBy = caller.subject();
        registration.decisionNote = note;
    }

    /** A decision as the audit trail keeps it. */
    private record Decided(String status, String email, UUID userId, AccessScope accessScope, String edition, String note) {
    }
}
