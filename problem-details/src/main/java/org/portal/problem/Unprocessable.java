package org.portal.problem;

public class Unprocessable extends ProblemException {

    public Unprocessable(String detail) {
        super(CommonProblems.UNPROCESSABLE, detail);
    }
}
