package org.portal.licensing.licenses;

import org.portal.problem.ProblemException;
import org.portal.problem.ProblemType;

/** A license file that fails one of the import checks; the type names the check. */
public class LicenseRefused extends ProblemException {

    public static final ProblemType MALFORMED = refusal("license-malformed", "License file is malformed");
    public static final ProblemType SIGNATURE = refusal("license-signature", "License signature not trusted");
    public static final ProblemType INSTALLATION = refusal("license-installation", "License issued to another installation");
    public static final ProblemType EXPIRED = refusal("license-expired", "License has expired");
    public static final ProblemType UNKNOWN_TERMS = refusal("license-unknown-terms",
            "License names an unknown edition or product");
    public static final ProblemType INCOMPATIBLE = refusal("license-incompatible", "Edition not allowed with the main product");
    public static final ProblemType SUPERSEDED = new ProblemType("license-superseded", "A newer license is already imported",
            409);

    public LicenseRefused(ProblemType type, String detail) {
        super(type, detail);
    }

    private static ProblemType refusal(String slug, String title) {
        return new ProblemType(slug, title, 422);
    }
}
