package org.portal.users.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

@ConfigMapping(prefix = "portal.users")
public interface UsersConfig {

    /** How long an invitation can be accepted. */
    @WithDefault("P7D")
    Duration invitationValidity();

    /** The realm at the identity provider where portal users live. */
    @WithDefault("portal")
    String idpRealm();
}
