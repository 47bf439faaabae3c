package org.portal.users.licensing;

import java.util.Map;

/** licensing-service refused (403, 404, 409, 422) with this problem: an answer, not a failure. */
public class LicensingRefusal extends RuntimeException {

    private final int status;
    private final transient Map<?, ?> problem;

    public LicensingRefusal(int status, Map<?, ?> problem) {
        super("licensing-service refused with " + status, null, false, false);
        this.status = status;
        this.problem = problem == null ? Map.of() : problem;
    }

    public int status() {
        return status;
    }

    public String problemType() {
        return String.valueOf(problem.get("type"));
    }

    public String detail() {
        Object detail = problem.get("detail");
        return detail == null ? "" : detail.toString();
    }
}
