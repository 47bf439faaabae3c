package org.portal.tokens;

import java.time.Clock;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

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
@ApplicationScoped
public class VerifiedTokens {

    /** Identities are re-verified at least this often, whatever the token's lifetime. */
    static final Duration LONGEST = Duration.ofMinutes(10);
    static final int MAXIMUM_SIZE = 20_000;

    private final Clock clock;
    private final Cache<TokenText, Remembered> identities;

    public VerifiedTokens(Clock clock, MeterRegistry metrics) {
        this.clock = clock;
        // The cache's upkeep (a drain of a few recorded reads) runs on the calling thread: handed to the common
        // pool, a busy token's reads woke a pool thread every few calls (2 % of the gateway's CPU samples).
        this.identities = Caffeine.newBuilder().maximumSize(MAXIMUM_SIZE).expireAfter(new UntilTokenExpires())
                .executor(Runnable::run).recordStats().build();
        CaffeineCacheMetrics.monitor(metrics, identities, "verified-tokens");
    }

    /**
     * The identity verified from exactly the token that is {@code text} from index {@code from} on, or null
     * when none is remembered (or it has expired).
     */
    SecurityIdentity remembered(String text, int from) {
        Remembered remembered = identities.getIfPresent(TokenText.of(text, from));
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
                identities.asMap().putIfAbsent(TokenText.of(credential.getToken(), 0), new Remembered(identity, expiresAt));
            }
        }
    }

    private record Remembered(SecurityIdentity identity, long expiresAtMillis) {
    }

    /**
     * A token's text as the cache's key, also where it ends a longer string (a call's Authorization header),
     * so that a look-up copies nothing. It is hashed by its last characters only, the signature's, which
     * tell signed tokens apart: a call does not hash a kilobyte. Keys are compared in full.
     */
    private static final class TokenText {
        /** The signature's last characters: 192 random bits in an RS256 token's base64url signature. */
        private static final int HASHED = 32;

        private final String text;
        private final int from;
        private final int hash;

        private TokenText(String text, int from, int hash) {
            this.text = text;
            this.from = from;
            this.hash = hash;
        }

        static TokenText of(String text, int from) {
            int hash = 0;
            for (int i = Math.max(from, text.length() - HASHED); i < text.length(); i++) {
                hash = 31 * hash + text.charAt(i);
            }
            return new TokenText(text, from, hash);
        }

        private int length() {
            return text.length() - from;
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof TokenText token && token.hash == hash && token.length() == length()
                    && text.regionMatches(from, token.text, token.from, length());
        }
    }

    private final class UntilTokenExpires implements Expiry<TokenText, Remembered> {
        @Override
        public long expireAfterCreate(TokenText token, Remembered remembered, long currentTime) {
            long left = Duration.ofMillis(remembered.expiresAtMillis() - clock.millis()).toNanos();
            return Math.max(0, Math.min(left, LONGEST.toNanos()));
        }

        @Override
        public long expireAfterUpdate(TokenText token, Remembered remembered, long currentTime, long currentDuration) {
            return expireAfterCreate(token, remembered, currentTime);
        }

        @Override
        public long expireAfterRead(TokenText token, Remembered remembered, long currentTime, long currentDuration) {
            return currentDuration;
        }
    }
}
