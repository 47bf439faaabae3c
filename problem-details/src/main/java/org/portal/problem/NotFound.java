package org.portal.problem;

public class NotFound extends ProblemException {

    public NotFound(String detail) {
        super(CommonProblems.NOT_FOUND, detail);
    }
}
