package org.portal.users.identity;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * What this service asks of the OIDC provider's administration API. Kept small so that a provider
 * other than Keycloak can be added behind it. Failures are {@link IdentityProviderUnavailable}.
 */
public interface IdentityProvider {

    /**
     * Creates the person's identity with the actions to set a password and verify the e-mail, and has
     * the provider mail them a link for those actions that ends at {@code afterSetup}; an identity with
     * this e-mail that still has setup actions pending gets the mail again, a complete one is reused.
     */
    Invited invite(String email, String displayName, URI afterSetup, Duration linkValidity);

    /**
     * Makes the person a portal user at the provider (the role every service checks), so that their
     * next token works. Granting a role the person has is no change.
     */
    void grantPortalUser(String subject);

    /**
     * Stops the person from obtaining new tokens and ends their sessions; an identity the provider no
     * longer has is no change. Refused (403 {@code staff-identity}) for an identity of portal staff.
     */
    void disable(String subject);

    void enable(String subject);

    /** The e-mail addresses of the enabled portal administrators, whom staff notices go to. */
    List<String> staffAddresses();

    /** The subject of the identity, and whether the provider mailed the set-password link. */
    record Invited(String subject, boolean created, boolean setupEmailSent) {
    }
}
