package org.portal.tokens;

import jakarta.inject.Singleton;

import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.quarkus.vertx.http.runtime.security.HttpCredentialTransport;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Answers a call whose bearer token {@link VerifiedTokens} remembers with the identity OIDC made from it,
 * before the OIDC extension's mechanism (higher priority) resolves its tenant, decodes the token again
 * and runs the identity providers and augmentors for a result already known. Any other call, and every
 * challenge, is left to OIDC's mechanism (this one answers null). The gateway also asks it directly,
 * before Quarkus's authentication handler, for the calls it forwards.
 */
// A singleton: on every call's path, where a client proxy's context look-up costs (docs/architecture.md).
@Singleton
public class RememberedTokens implements HttpAuthenticationMechanism {

    private final VerifiedTokens tokens;

    public RememberedTokens(VerifiedTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identityProviderManager) {
        return Uni.createFrom().item(identity(context.request()));
    }

    /**
     * The identity remembered for the request's bearer token, or null when there is none or it is not
     * remembered: the request is then OIDC's to verify.
     */
    public SecurityIdentity identity(HttpServerRequest request) {
        return tokens.remembered(request.getHeader("Authorization"));
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().nullItem();
    }

    /** Not a mechanism a path can ask for by name: that is OIDC's bearer mechanism. */
    @Override
    public Uni<HttpCredentialTransport> getCredentialTransport(RoutingContext context) {
        return Uni.createFrom().nullItem();
    }

    @Override
    public int getPriority() {
        return DEFAULT_PRIORITY + 100;
    }
}
