package org.portal.problem;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Values that break the rules a service checks itself (beyond Bean Validation), field by field. */
public class InvalidFields extends ProblemException {

    public InvalidFields(List<Problem.FieldError> errors) {
        super(CommonProblems.VALIDATION, "Invalid values for: "
                + errors.stream().map(Problem.FieldError::field).distinct().collect(Collectors.joining(", ")), Map.of(),
                errors);
    }
}
