package org.portal.licensetool;

import java.time.Instant;

import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.lang.JoseException;

/** Makes the vendor's signing keys and signs license files as compact JWS (ES256). */
public final class LicenseSigner {

    public static final String ISSUER = "portal-vendor";

    private final PublicJsonWebKey key;

    public LicenseSigner(PublicJsonWebKey key) {
        this.key = key;
    }

    public static PublicJsonWebKey newKey(String keyId) throws JoseException {
        PublicJsonWebKey key = EcJwkGenerator.generateJwk(EllipticCurves.P256);
        key.setKeyId(keyId);
        key.setAlgorithm(AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
        key.setUse("sig");
        return key;
    }

    public static String privateJwk(PublicJsonWebKey key) {
        return key.toJson(JsonWebKey.OutputControlLevel.INCLUDE_PRIVATE);
    }

    /** The JWKS document an installation is configured with: public parts only. */
    public static String publicJwks(PublicJsonWebKey... keys) {
        return new JsonWebKeySet(keys).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
    }

    public static LicenseSigner fromPrivateJwk(String json) throws JoseException {
        return new LicenseSigner(PublicJsonWebKey.Factory.newPublicJwk(json));
    }

    public String sign(LicenseTerms terms) throws JoseException {
        return sign(terms, Instant.now());
    }

    /** Signs with a given issue time: of two files for one license id, the later issued replaces the other. */
    public String sign(LicenseTerms terms, Instant issuedAt) throws JoseException {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(ISSUER);
        claims.setIssuedAt(NumericDate.fromSeconds(issuedAt.getEpochSecond()));
        claims.setClaim("license_id", terms.licenseId());
        claims.setClaim("installation", terms.installation());
        claims.setClaim("main_product", terms.mainProduct());
        claims.setClaim("main_product_users", terms.mainProductUsers());
        claims.setClaim("edition", terms.edition());
        claims.setClaim("seats", terms.seats());
        claims.setClaim("valid_from", terms.validFrom().toString());
        if (terms.validUntil() != null) {
            claims.setClaim("valid_until", terms.validUntil().toString());
        }
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(key.getPrivateKey());
        jws.setKeyIdHeaderValue(key.getKeyId());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
        jws.setHeader("typ", "portal-license+jwt");
        return jws.getCompactSerialization();
    }
}
