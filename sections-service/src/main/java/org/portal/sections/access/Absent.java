package org.portal.sections.access;

import java.util.Optional;
import java.util.function.Supplier;

/** A neighbouring service knows nothing of that name (its 404): an answer, not a failure. */
public class Absent extends RuntimeException {

    public Absent() {
        super(null, null, false, false);
    }

    /** The neighbour's answer, or empty when it knows nothing of that name. */
    public static <T> Optional<T> orEmpty(Supplier<T> call) {
        try {
            return Optional.of(call.get());
        } catch (Absent absent) {
            return Optional.empty();
        }
    }
}
