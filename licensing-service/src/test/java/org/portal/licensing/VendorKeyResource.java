package org.portal.licensing;

import java.time.LocalDate;
import java.util.Map;

import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.lang.JoseException;
import org.portal.licensetool.LicenseSigner;
import org.portal.licensetool.LicenseTerms;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** A vendor key pair made for the test run: the service trusts its public half, tests sign with it. */
public class VendorKeyResource implements QuarkusTestResourceLifecycleManager {

    public static final String INSTALLATION = "test-installation";
    private static LicenseSigner vendor;
    private static LicenseSigner stranger;

    @Override
    public Map<String, String> start() {
        try {
            PublicJsonWebKey key = LicenseSigner.newKey("vendor-test");
            vendor = new LicenseSigner(key);
            stranger = new LicenseSigner(LicenseSigner.newKey("vendor-test"));
            return Map.of("portal.licensing.vendor-jwks", LicenseSigner.publicJwks(key));
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void stop() {
    }

    public static String signed(LicenseTerms terms) {
        return sign(vendor, terms);
    }

    /** Signed as issued at the given time, for replacements of an earlier file. */
    public static String signedAt(LicenseTerms terms, java.time.Instant issuedAt) {
        try {
            return vendor.sign(terms, issuedAt);
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Signed with a key of the same id that the service does not trust. */
    public static String signedByStranger(LicenseTerms terms) {
        return sign(stranger, terms);
    }

    public static LicenseTerms terms(String id, String edition, String product, int productUsers, int seats) {
        return new LicenseTerms(id, INSTALLATION, product, productUsers, edition, seats, LocalDate.now().minusDays(1),
                LocalDate.now().plusYears(1));
    }

    private static String sign(LicenseSigner signer, LicenseTerms terms) {
        try {
            return signer.sign(terms);
        } catch (JoseException e) {
            throw new IllegalStateException(e);
        }
    }
}
