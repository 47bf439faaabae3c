package org.portal.tokens;

import java.time.Clock;
import java.time.Duration;

import jakarta.inject.Singleton;

import org.eclipse.microprofile.jwt.JsonWebToken;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Remembers the identities of verified bearer tokens by their exact text until the token expires,
 * so that a client repeating its token pays for the RS256 signature check once, not on every call.
 * A token that differs in one character is a different key and is verified in full; nothing about
 * a token is trusted that its first verification did not establish.
 *
 * <p>
 * Every service uses it: the gateway forwards the caller's token, so each service would otherwise
 * check the same signature again on every call. {@link RememberedTokens} answers calls with the
 * tokens it holds before OIDC's mechanism; {@link VerifiedTokenRecorder} records what OIDC verified,
 * as the augmentors left it.
 */
// A singleton: on every call's path, where a client proxy's context look-up costs (docs/architecture.md).
@Singleton
public class VerifiedTokens {

    /** Identities are re-verified at least this often, whatever the token's lifetime. */
    static final Duration LONGEST = Duration.ofMinutes(10);
    static final int MAXIMUM_SIZE = 20_000;

    private final Clock clock;
    private final Cache<BearerHeader, Remembered> identities;

    public VerifiedTokens(Clock clock, MeterRegistry metrics) {
        this.clock = clock;
        // The cache's upkeep (a drain of a few recorded reads) runs on the calling thread: handed to the common
        // pool, a busy token's reads woke a pool thread every few calls (2 % of the gateway's CPU samples).
        this.identities = Caffeine.newBuilder().maximumSize(MAXIMUM_SIZE).expireAfter(new UntilTokenExpires())
                .executor(Runnable::run).recordStats().build();
        CaffeineCacheMetrics.monitor(metrics, identities, "verified-tokens");
    }

    /**
     * The identity verified from exactly the bearer token of an Authorization header, or null when none
     * is remembered (or it has expired) or the header is not a bearer token's.
     */
    SecurityIdentity remembered(String authorization) {
        BearerHeader header = BearerHeader.of(authorization);
        Remembered remembered = header == null ? null : identities.getIfPresent(header);
        // An entry can outlive its expiry until Caffeine's next maintenance: the expiry is checked here too.
        if (remembered != null && clock.millis() < remembered.expiresAtMillis()) {
            return remembered.identity();
        }
        return null;
    }

    /** Remembers an identity that OIDC verified from a bearer token, until the token expires. */
    void remember(SecurityIdentity identity) {
        AccessTokenCredential credential = identity.getCredential(AccessTokenCredential.class);
        if (credential != null && identity.getPrincipal() instanceof JsonWebToken token && token.getExpirationTime() > 0) {
            long expiresAt = token.getExpirationTime() * 1000;
            if (expiresAt > clock.millis()) {
                // Through the map view: only look-ups of a call's token count as hits and misses.
                identities.asMap().putIfAbsent(BearerHeader.carrying(credential.getToken()),
                        new Remembered(identity, expiresAt));
            }
        }
    }

    private record Remembered(SecurityIdentity identity, long expiresAtMillis) {
    }

    /**
     * A bearer token as the cache's key, in the form nearly every client sends it: the whole Authorization
     * header, {@code Bearer <token>}. A call's header is then the key as it is, copied nowhere and compared
     * with String.equals, which the JIT compiles to a vectorized comparison; JDK 17's regionMatches
     * compares a kilobyte byte by byte (4 % of the gateway's CPU). It is hashed by its last characters
     * only, the signature's, which tell signed tokens apart: a call does not hash a kilobyte either.
     */
    private static final class BearerHeader {
        static final String SCHEME = "Bearer ";
        /** The signature's last characters: 192 random bits in an RS256 token's base64url signature. */
        private static final int HASHED = 32;

        private final String text;
        private final int hash;

        private BearerHeader(String text) {
            this.text = text;
            int hash = 0;
            for (int i = Math.max(SCHEME.length(), text.length() - HASHED); i < text.length(); i++) {
                hash = 31 * hash + text.charAt(i);
            }
            this.hash = hash;
        }

        static BearerHeader carrying(String token) {
            return new BearerHeader(SCHEME + token);
        }

        /**
         * The header as a key; a scheme in other letter cases ("bearer") is written as usual first. Null: not a bearer token.
         */
        static BearerHeader of(String authorization) {
            if (authorization == null || authorization.length() <= SCHEME.length()) {
                return null;
            }
            if (authorization.startsWith(SCHEME)) {
                return new BearerHeader(authorization);
            }
            return authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())
                    ? carrying(authorization.substring(SCHEME.length()))
                    : null;
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof BearerHeader header && header.hash == hash && header.text.equals(text);
        }
    }

    private final class UntilTokenExpires implements Expiry<BearerHeader, Remembered> {
        @Override
        public long expireAfterCreate(BearerHeader token, Remembered remembered, long currentTime) {
            long left = Duration.ofMillis(remembered.expiresAtMillis() - clock.millis()).toNanos();
            return Math.max(0, Math.min(left, LONGEST.toNanos()));
        }

        @Override
        public long expireAfterUpdate(BearerHeader token, Remembered remembered, long currentTime, long currentDuration) {
            return expireAfterCreate(token, remembered, currentTime);
        }

        @Override
        public long expireAfterRead(BearerHeader token, Remembered remembered, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
