package org.portal.users.invitations;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.UriBuilder;

import org.portal.audit.AuditTrail;
import org.portal.problem.Conflict;
import org.portal.problem.NotFound;
import org.portal.problem.ProblemException;
import org.portal.problem.ProblemType;
import org.portal.problem.Unprocessable;
import org.portal.users.access.Caller;
import org.portal.users.accounts.Account;
import org.portal.users.config.UsersConfig;
import org.portal.users.identity.IdentityProvider;
import org.portal.users.licensing.Seats;
import org.portal.users.mail.MailOutbox;
import org.portal.users.mail.MailText;
import org.portal.users.users.AccessScope;
import org.portal.users.users.PortalUser;
import org.portal.users.users.PortalUserService;

import io.quarkus.panache.common.Sort;

@ApplicationScoped
public class InvitationService {

    public static final ProblemType EXPIRED = new ProblemType("invitation-expired", "Invitation expired", 410);
    public static final ProblemType USED = new ProblemType("invitation-used", "Invitation used already", 409);
    public static final ProblemType WRONG_PERSON = new ProblemType("invitation-other-email",
            "Invitation is for another email address", 403);

    private static final SecureRandom RANDOM = new SecureRandom();

    private final IdentityProvider identityProvider;
    private final PortalUserService users;
    private final Seats seats;
    private final UsersConfig config;
    private final MailOutbox outbox;
    private final Clock clock;
    private final AuditTrail audit;

    public InvitationService(AuditTrail audit, IdentityProvider identityProvider, PortalUserService users, Seats seats,
            UsersConfig config,
            MailOutbox outbox, Clock clock) {
        this.audit = audit;
        this.outbox = outbox;
        this.identityProvider = identityProvider;
        this.users = users;
        this.seats = seats;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Creates the invitation and the person's identity at the provider, and mails the acceptance link
     * (through the outbox, so it leaves when this commits); the provider mails a new identity the link
     * to set a password, which ends at the same acceptance link. Answers with the one-time code too,
     * for an administrator who passes it on another way.
     */
    @Transactional
    public InvitationView invite(Caller caller, NewInvitation request) {
        caller.requireManages(request.accountId(), "account " + request.accountId());
        Account account = Account.findById(request.accountId());
        if (account == null) {
            throw new Unprocessable("No account " + request.accountId());
        }
        String email = request.email().strip();
        users.requireFreeEmail(email, null);
        if (request.edition() != null) {
            seats.requireBudget(caller, request.edition());
        }
        String code = newCode();
        URI link = UriBuilder.fromUri(config.portalUrl()).path("invitation").queryParam("code", code).build();
        IdentityProvider.Invited identity = identityProvider.invite(email, request.displayName().strip(), link,
                config.invitationValidity());
        Invitation invitation = new Invitation();
        invitation.id = UUID.randomUUID();
        invitation.codeHash = hash(code);
        invitation.email = email;
        invitation.displayName = request.displayName().strip();
        invitation.accountId = request.accountId();
        invitation.accessScope = request.accessScope() == null ? AccessScope.account : request.accessScope();
        invitation.edition = request.edition();
        invitation.idpSubject = identity.subject();
        invitation.invitedBy = caller.subject();
        invitation.seatFromBudget = !caller.isPortalAdmin();
        invitation.createdAt = Instant.now(clock);
        invitation.expiresAt = invitation.createdAt.plus(config.invitationValidity());
        invitation.persist();
        audit.record("invitation.created", "invitation", invitation.id, invitation.accountId, null,
                InvitationView.from(invitation));
        outbox.enqueue("invitation", email, "Your invitation to the portal of " + account.name,
                InvitationMail.invitation(invitation.displayName, account.name, link.toString(),
                        MailText.time(invitation.expiresAt), identity.setupEmailSent()));
        return InvitationView.from(invitation).withCode(code, identity.setupEmailSent());
    }

    @Transactional
    public List<Invitation> list(Caller caller, int offset, int limit) {
        Sort sort = Sort.by("createdAt").descending().and("id");
        var query = caller.isPortalAdmin() ? Invitation.<Invitation> findAll(sort)
                : Invitation.<Invitation> find("accountId", sort, caller.accountId());
        return query.range(offset, offset + limit - 1).list();
    }

    /**
     * Links the signed-in person to a new portal user in the invitation's account and makes them a
     * portal user at the identity provider, so that their next token works. The invitation is locked by
     * its version, so two acceptances of one code cannot both succeed.
     */
    @Transactional
    public PortalUser accept(String subject, String email, String code) {
        Invitation invitation = Invitation.<Invitation> find("codeHash", hash(code.strip())).firstResult();
        if (invitation == null) {
            throw new NotFound("No invitation has this code");
        }
        if (invitation.acceptedAt != null) {
            throw new ProblemException(USED, "This invitation was accepted on " + invitation.acceptedAt);
        }
        Instant now = Instant.now(clock);
        if (!now.isBefore(invitation.expiresAt)) {
            throw new ProblemException(EXPIRED, "This invitation expired on " + invitation.expiresAt + "; ask for a new one");
        }
        if (email == null || !email.toLowerCase(Locale.ROOT).equals(invitation.email.toLowerCase(Locale.ROOT))) {
            throw new ProblemException(WRONG_PERSON, "Sign in as " + invitation.email + " to accept this invitation");
        }
        if (PortalUser.bySubject(subject).isPresent()) {
            throw new Conflict("You are a portal user already");
        }
        users.requireFreeEmail(invitation.email, null);
        PortalUser user = users.persistActive(subject, invitation.email, invitation.displayName, invitation.accountId,
                invitation.accessScope, false);
        invitation.acceptedAt = now;
        invitation.acceptedBy = user.id;
        identityProvider.grantPortalUser(subject);
        if (invitation.edition != null) {
            // On the inviter's behalf, as they chose the edition when they invited.
            seats.give(user.id, invitation.edition, invitation.seatFromBudget
                    ? new Caller(invitation.invitedBy, invitation.accountId)
                    : Caller.administrator(invitation.invitedBy));
        }
        return user;
    }

    private static String newCode() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String code) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(code.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
