package org.portal.licensing.entitlements;

import org.portal.problem.ProblemException;
import org.portal.problem.ProblemType;

public class NoEntitlement extends ProblemException {

    public static final ProblemType TYPE = new ProblemType("no-entitlement", "No portal entitlement", 404);

    public NoEntitlement(String detail) {
        super(TYPE, detail);
    }
}
