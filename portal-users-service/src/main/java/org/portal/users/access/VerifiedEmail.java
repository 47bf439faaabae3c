package org.portal.users.access;

import java.util.Optional;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.portal.problem.ProblemException;
import org.portal.problem.ProblemType;

/**
 * The signed-in person's e-mail address, when the identity provider vouches for it. Registering and
 * accepting an invitation tie a portal user to an address, so both need a verified one: an address
 * anybody could type in would let them claim another person's invitation or account.
 */
public final class VerifiedEmail {

    public static final ProblemType NOT_VERIFIED = new ProblemType("email-not-verified", "E-mail address not verified", 403);

    static final String EMAIL = "email";
    static final String EMAIL_VERIFIED = "email_verified";

    private VerifiedEmail() {
    }

    /** The token's e-mail address, or a 403 problem that says what the person must do first. */
    public static String of(JsonWebToken token) {
        String email = Optional.ofNullable(token.<Object> getClaim(EMAIL)).map(VerifiedEmail::text).orElse("");
        if (email.isBlank()) {
            throw new ProblemException(NOT_VERIFIED,
                    "Your identity has no e-mail address; add one at the sign-in service and verify it first");
        }
        // Keycloak's claim is a JSON boolean; other providers send the string "true".
        if (!"true".equals(text(token.getClaim(EMAIL_VERIFIED)))) {
            throw new ProblemException(NOT_VERIFIED,
                    "Your e-mail address " + email
                            + " is not verified: follow the link the sign-in service mailed you, then sign in again");
        }
        return email;
    }

    private static String text(Object claim) {
        String text = String.valueOf(claim);
        // A JSON string claim prints with its quotes.
        return text.length() > 1 && text.startsWith("\"") && text.endsWith("\"") ? text.substring(1, text.length() - 1) : text;
    }
}
