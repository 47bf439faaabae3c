package org.portal.gateway.access;

import java.util.Optional;

/** What a request does to a section, from its method. Portal users are never granted delete. */
public enum Operation {
    read, create, edit;

    public static Optional<Operation> of(String method) {
        return switch (method) {
            case "GET", "HEAD" -> Optional.of(read);
            case "POST" -> Optional.of(create);
            case "PUT", "PATCH" -> Optional.of(edit);
            default -> Optional.empty();
        };
    }
}
