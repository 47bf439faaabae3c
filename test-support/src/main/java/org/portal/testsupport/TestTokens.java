package org.portal.testsupport;

import java.time.Instant;
import java.util.Set;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/**
 * Access tokens signed with the key that Quarkus's OIDC test server publishes, shaped like the portal's
 * Keycloak tokens: subject, email, realm roles in {@code groups}, the portal audience.
 */
public final class TestTokens {

    public static final String ISSUER = "https://server.example.com";
    public static final String AUDIENCE = "portal-api";

    private TestTokens() {
    }

    public static String of(String subject, String... roles) {
        return claims(subject, roles).jws().keyId("1").sign();
    }

    /** The claims of a valid token, for tests that change one of them before signing. */
    public static JwtClaimsBuilder claims(String subject, String... roles) {
        Instant now = Instant.now();
        return Jwt.claims()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(subject)
                .preferredUserName("username-of-" + subject)
                .claim("email", subject + "@example.test")
                .groups(Set.of(roles))
                .issuedAt(now)
                .expiresAt(now.plusSeconds(300));
    }
}
