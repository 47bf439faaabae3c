package org.portal.problem;

/**
 * A neighbouring service did not answer: a 503 whose type names that service
 * ({@code urn:portal:problem:<service>-unavailable}), so clients and operators see which one.
 */
public class ServiceUnavailable extends ProblemException {

    public ServiceUnavailable(String service, String title, String detail) {
        super(new ProblemType(service + "-unavailable", title, 503), detail);
    }
}
