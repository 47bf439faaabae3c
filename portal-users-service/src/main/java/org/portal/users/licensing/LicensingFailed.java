package org.portal.users.licensing;

/** licensing-service answered with an error other than a refusal: it cannot answer now. */
public class LicensingFailed extends RuntimeException {

    public LicensingFailed(String message) {
        super(message);
    }
}
