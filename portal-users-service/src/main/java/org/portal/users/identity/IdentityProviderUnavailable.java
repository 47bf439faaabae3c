package org.portal.users.identity;

import org.portal.problem.ProblemException;
import org.portal.problem.ProblemType;

public class IdentityProviderUnavailable extends ProblemException {

    public static final ProblemType TYPE = new ProblemType("identity-provider-unavailable",
            "Identity provider unavailable", 503);

    public IdentityProviderUnavailable(String detail) {
        super(TYPE, detail);
    }
}
