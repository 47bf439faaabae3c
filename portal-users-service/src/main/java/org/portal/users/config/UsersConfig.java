package org.portal.users.config;

import java.net.URI;
import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "portal.users")
public interface UsersConfig {

    /** How long an invitation can be accepted. */
    @WithDefault("P7D")
    Duration invitationValidity();

    /** The realm at the identity provider where portal users live. */
    @WithDefault("portal")
    String idpRealm();

    /**
     * The front end's address: mails link to its pages ({@code /invitation?code=...} to accept an
     * invitation). It must be a valid redirect URI of {@link #setupClientId()} at the provider.
     */
    URI portalUrl();

    /** The provider's client (the SPA's) whose pages the set-password mail leads through. */
    @WithDefault("portal-spa")
    String setupClientId();
}
