package org.portal.gateway.access;

/** A neighbouring service answered with an error other than "not found": it cannot answer now. */
public class NeighbourFailed extends RuntimeException {

    public NeighbourFailed(String message) {
        super(message);
    }
}
