package org.portal.problem;

public class Conflict extends ProblemException {

    public Conflict(String detail) {
        super(CommonProblems.CONFLICT, detail);
    }
}
