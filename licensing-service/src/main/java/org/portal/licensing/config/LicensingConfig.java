package org.portal.licensing.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "portal.licensing")
public interface LicensingConfig {

    /** The installation this service runs for; a license issued to another one is refused. */
    String installationId();

    /** The vendor's public keys (a JWKS document) that license files must be signed with. */
    String vendorJwks();

    /** Who signs license files; the {@code iss} of every accepted file. */
    @WithDefault("portal-vendor")
    String vendorIssuer();
}
