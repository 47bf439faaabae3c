package org.portal.gateway.access;

/** A neighbouring service knows nothing of that name (its 404): an answer, not a failure. */
public class Absent extends RuntimeException {

    public Absent() {
        super(null, null, false, false);
    }
}
