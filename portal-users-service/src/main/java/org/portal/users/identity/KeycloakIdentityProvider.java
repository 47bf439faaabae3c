package org.portal.users.identity;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.admin.client.resource.UsersResource;
import org.keycloak.representations.idm.RoleRepresentation;
import org.keycloak.representations.idm.UserRepresentation;
import org.portal.tokens.Roles;
import org.portal.users.access.StaffOnly;
import org.portal.users.config.UsersConfig;

import io.quarkus.logging.Log;

/** Keycloak's admin API, as this service's own service account (realm-management user roles). */
@ApplicationScoped
public class KeycloakIdentityProvider implements IdentityProvider {

    static final List<String> SETUP_ACTIONS = List.of("UPDATE_PASSWORD", "VERIFY_EMAIL");
    private static final int STAFF_MEMBERS_MAX = 500;

    private final Keycloak keycloak;
    private final String realm;
    private final String setupClientId;

    public KeycloakIdentityProvider(Keycloak keycloak, UsersConfig config) {
        this.keycloak = keycloak;
        this.realm = config.idpRealm();
        this.setupClientId = config.setupClientId();
    }

    @Override
    public Invited invite(String email, String displayName, URI afterSetup, Duration linkValidity) {
        return call("invite " + email, () -> {
            UsersResource users = keycloak.realm(realm).users();
            List<UserRepresentation> existing = users.searchByEmail(email, true);
            if (!existing.isEmpty()) {
                UserRepresentation known = existing.get(0);
                boolean pending = known.getRequiredActions() != null && !known.getRequiredActions().isEmpty();
                return new Invited(known.getId(), false, pending && sendSetupMail(users.get(known.getId()), email,
                        known.getRequiredActions(), afterSetup, linkValidity));
            }
            UserRepresentation user = new UserRepresentation();
            user.setUsername(email);
            user.setEmail(email);
            int space = displayName.indexOf(' ');
            user.setFirstName(space > 0 ? displayName.substring(0, space) : displayName);
            user.setLastName(space > 0 ? displayName.substring(space + 1) : "-");
            user.setEnabled(true);
            user.setRequiredActions(SETUP_ACTIONS);
            String id;
            try (Response created = users.create(user)) {
                id = CreatedResponseUtil.getCreatedId(created);
            }
            return new Invited(id, true, sendSetupMail(users.get(id), email, SETUP_ACTIONS, afterSetup, linkValidity));
        });
    }

    /**
     * The provider's own mail with a link to its pages for the actions; when they are done the person
     * lands on {@code afterSetup}. Following the mailed link proves the address, so the provider marks
     * it verified without a second mail.
     */
    private boolean sendSetupMail(UserResource user, String email, List<String> actions, URI afterSetup,
            Duration linkValidity) {
        try {
            user.executeActionsEmail(setupClientId, afterSetup.toString(), (int) linkValidity.toSeconds(), actions);
            return true;
        } catch (WebApplicationException e) {
            // The identity exists and the portal's own invitation mail is on its way; the person can
            // still use the provider's forgotten-password page, and the administrator is told.
            Log.warnf("The identity provider did not send the setup mail to %s: %s", email, e.getMessage());
            return false;
        }
    }

    @Override
    public void grantPortalUser(String subject) {
        call("grant " + Roles.PORTAL_USER + " to " + subject, () -> {
            RoleRepresentation role = keycloak.realm(realm).roles().get(Roles.PORTAL_USER).toRepresentation();
            keycloak.realm(realm).users().get(subject).roles().realmLevel().add(List.of(role));
            return null;
        });
    }

    @Override
    public void disable(String subject) {
        Optional<List<RoleRepresentation>> roles = call("read the roles of " + subject, () -> ifExists(
                () -> keycloak.realm(realm).users().get(subject).roles().realmLevel().listEffective()));
        if (roles.isEmpty()) {
            return; // no identity any more: nobody to keep from signing in
        }
        if (roles.get().stream().anyMatch(role -> StaffOnly.STAFF_ROLES.contains(role.getName()))) {
            throw StaffOnly.staffIdentity();
        }
        call("disable " + subject, () -> {
            UserResource user = keycloak.realm(realm).users().get(subject);
            UserRepresentation representation = user.toRepresentation();
            representation.setEnabled(false);
            user.update(representation);
            user.logout();
            return null;
        });
    }

    @Override
    public void enable(String subject) {
        call("enable " + subject, () -> ifExists(() -> {
            UserResource user = keycloak.realm(realm).users().get(subject);
            UserRepresentation representation = user.toRepresentation();
            representation.setEnabled(true);
            user.update(representation);
            return true;
        }));
    }

    /** The role's direct members; staff who hold it through a group or a composite role are not asked. */
    @Override
    public List<String> staffAddresses() {
        return call("list the members of " + Roles.PORTAL_ADMIN, () -> keycloak.realm(realm).roles().get(Roles.PORTAL_ADMIN)
                .getUserMembers(0, STAFF_MEMBERS_MAX).stream()
                .filter(member -> Boolean.TRUE.equals(member.isEnabled()) && member.getEmail() != null)
                .map(UserRepresentation::getEmail).toList());
    }

    /** What the work answers, or empty when the identity it is about does not exist at the provider. */
    private static <T> Optional<T> ifExists(Supplier<T> work) {
        try {
            return Optional.of(work.get());
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private static <T> T call(String what, Supplier<T> work) {
        try {
            return work.get();
        } catch (WebApplicationException | ProcessingException e) {
            Log.errorf("Identity provider call failed (%s): %s", what, e.toString());
            throw new IdentityProviderUnavailable(
                    "The identity provider did not complete the change; nothing was changed here; try again");
        }
    }
}
