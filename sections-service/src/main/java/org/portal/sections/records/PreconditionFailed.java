package org.portal.sections.records;

import org.portal.problem.ProblemException;
import org.portal.problem.ProblemType;

public class PreconditionFailed extends ProblemException {

    public static final ProblemType STALE = new ProblemType("stale-version", "The record changed since you read it", 412);
    public static final ProblemType REQUIRED = new ProblemType("if-match-required", "If-Match required", 428);

    public PreconditionFailed(ProblemType type, String detail) {
        super(type, detail);
    }
}
