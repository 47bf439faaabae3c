package org.portal.users.identity;

import io.quarkus.logging.Log;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.keycloak.admin.client.CreatedResponseUtil;
import org.keycloak.admin.client.Keycloak;
import org.keycloak.admin.client.resource.UserResource;
import org.keycloak.admin.client.resource.UsersResource;
import org.keycloak.representations.idm.UserRepresentation;

/** Keycloak's admin API, as this service's own service account (realm-management user roles). */
@ApplicationScoped
public class KeycloakIdentityProvider implements IdentityProvider {

    static final List<String> SETUP_ACTIONS = List.of("UPDATE_PASSWORD", "VERIFY_EMAIL");

    private final Keycloak keycloak;
    private final String realm;

    public KeycloakIdentityProvider(Keycloak keycloak, @ConfigProperty(name = "portal.users.idp-realm") String realm) {
        this.keycloak = keycloak;
        this.realm = realm;
    }

    @Override
    public Invited invite(String email, String displayName) {
        return call("invite " + email, () -> {
            UsersResource users = keycloak.realm(realm).users();
            List<UserRepresentation> existing = users.searchByEmail(email, true);
            if (!existing.isEmpty()) {
                return new Invited(existing.get(0).getId(), false, false);
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
            boolean sent;
            try {
                users.get(id).executeActionsEmail(SETUP_ACTIONS);
                sent = true;
            } catch (WebApplicationException e) {
                // Typically no mail server configured for the realm: the identity exists, the person can
                // still use the provider's "forgot password" once mail works, and the admin is told.
                Log.warnf("Keycloak did not send the setup email to %s: %s", email, e.getMessage());
                sent = false;
            }
            return new Invited(id, true, sent);
        });
    }

    @Override
    public void disable(String subject) {
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
        call("enable " + subject, () -> {
            UserResource user = keycloak.realm(realm).users().get(subject);
            UserRepresentation representation = user.toRepresentation();
            representation.setEnabled(true);
            user.update(representation);
            return null;
        });
    }

    private static <T> T call(String what, Supplier<T> work) {
        try {
            return work.get();
        } catch (WebApplicationException | ProcessingException e) {
            Log.errorf("Identity provider call failed (%s): %s", what, e.toString());
            throw new IdentityProviderUnavailable("The identity provider did not complete the change; nothing was changed here; try again");
        }
    }
}
