package org.portal.users.identity;

/**
 * What this service asks of the OIDC provider's administration API. Kept small so that a provider
 * other than Keycloak can be added behind it. Failures are {@link IdentityProviderUnavailable}.
 */
public interface IdentityProvider {

    /**
     * Creates the person's identity, with the required actions to set a password and verify the
     * email, and asks the provider to email them; if an identity with this email exists, reuses it.
     */
    Invited invite(String email, String displayName);

    /** Stops the person from obtaining new tokens and ends their sessions. */
    void disable(String subject);

    void enable(String subject);

    /** The subject of the identity, and whether the provider sent the setup email. */
    record Invited(String subject, boolean created, boolean setupEmailSent) {
    }
}
