package org.portal.licensing.licenses;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.VerificationJwkSelector;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.lang.JoseException;
import org.portal.licensing.config.LicensingConfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Checks that a license file is a compact JWS signed by one of the configured vendor keys, with one of
 * the pinned asymmetric algorithms, and reads its claims. Anything else is refused before any claim
 * is trusted.
 */
@ApplicationScoped
public class LicenseFileVerifier {

    static final AlgorithmConstraints ALGORITHMS = new AlgorithmConstraints(
            AlgorithmConstraints.ConstraintType.PERMIT, AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256,
            AlgorithmIdentifiers.RSA_USING_SHA256);

    private final List<JsonWebKey> vendorKeys;
    private final String issuer;
    private final ObjectMapper json;

    public LicenseFileVerifier(LicensingConfig config, ObjectMapper json) throws JoseException {
        this.vendorKeys = new JsonWebKeySet(config.vendorJwks()).getJsonWebKeys();
        this.issuer = config.vendorIssuer();
        this.json = json;
    }

    public LicenseFile verify(String compact) {
        String payload = verifiedPayload(compact.strip());
        try {
            JsonNode claims = json.readTree(payload);
            if (!issuer.equals(text(claims, "iss"))) {
                throw new LicenseRefused(LicenseRefused.SIGNATURE, "The license file was not issued by " + issuer);
            }
            LocalDate validFrom = LocalDate.parse(text(claims, "valid_from"));
            String until = claims.path("valid_until").asText(null);
            return new LicenseFile(text(claims, "license_id"), text(claims, "installation"), text(claims, "main_product"),
                    positive(claims, "main_product_users"), text(claims, "edition"), positive(claims, "seats"), validFrom,
                    until == null ? null : LocalDate.parse(until), Instant.ofEpochSecond(claims.path("iat").asLong()),
                    compact.strip());
        } catch (DateTimeParseException | java.io.IOException e) {
            throw new LicenseRefused(LicenseRefused.MALFORMED, "The license claims cannot be read: " + e.getMessage());
        }
    }

    private String verifiedPayload(String compact) {
        JsonWebSignature jws = new JsonWebSignature();
        try {
            jws.setCompactSerialization(compact);
            jws.setAlgorithmConstraints(ALGORITHMS);
        } catch (JoseException e) {
            throw new LicenseRefused(LicenseRefused.MALFORMED, "The license file is not a compact JWS");
        }
        try {
            JsonWebKey key = new VerificationJwkSelector().select(jws, vendorKeys);
            if (key == null) {
                throw new LicenseRefused(LicenseRefused.SIGNATURE, "The license file is not signed by a trusted vendor key");
            }
            jws.setKey(key.getKey());
            if (!jws.verifySignature()) {
                throw new LicenseRefused(LicenseRefused.SIGNATURE,
                        "The license file's signature does not verify: it was altered or signed by another key");
            }
            return jws.getPayload();
        } catch (JoseException e) {
            throw new LicenseRefused(LicenseRefused.SIGNATURE,
                    "The license file's signature cannot be verified: " + e.getMessage());
        }
    }

    private static String text(JsonNode claims, String name) {
        JsonNode value = claims.get(name);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw new LicenseRefused(LicenseRefused.MALFORMED, "The license claim '" + name + "' is missing");
        }
        if (value.asText().length() > License.ID_MAX_LENGTH) {
            throw new LicenseRefused(LicenseRefused.MALFORMED, "The license claim '" + name + "' is longer than "
                    + License.ID_MAX_LENGTH + " characters");
        }
        return value.asText();
    }

    private static int positive(JsonNode claims, String name) {
        JsonNode value = claims.get(name);
        if (value == null || !value.canConvertToInt() || value.asInt() <= 0) {
            throw new LicenseRefused(LicenseRefused.MALFORMED,
                    "The license claim '" + name + "' must be a positive whole number");
        }
        return value.asInt();
    }
}
