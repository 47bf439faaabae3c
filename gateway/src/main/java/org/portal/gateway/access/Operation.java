package org.portal.gateway.access;

import java.util.Optional;

/** What a request does to a section. Portal users are never granted delete. */
public enum Operation {
    read,
    create,
    edit;

    /**
     * GET reads; POST on a section's records creates one; PUT and PATCH edit. A POST on one record's
     * sub-resource (a transition, a comment, an approval request) changes that record's process, so
     * it is an edit; a knowledge base vote is a reader's feedback, so it is a read.
     */
    public static Optional<Operation> of(String method, String path) {
        return switch (method) {
            case "GET", "HEAD" -> Optional.of(read);
            case "POST" -> Optional.of(postOn(path));
            case "PUT", "PATCH" -> Optional.of(edit);
            default -> Optional.empty();
        };
    }

    private static Operation postOn(String path) {
        // /api/sections/{code}/records/{id}/{sub-resource}
        String[] segments = path.split("/");
        if (segments.length < 7 || !"records".equals(segments[4])) {
            return create;
        }
        return "knowledge-base".equals(segments[3]) && "votes".equals(segments[6]) ? read : edit;
    }
}
