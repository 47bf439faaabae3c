package org.portal.problem;

/**
 * The kind of a problem: a stable slug (which makes the {@code type} URI), a short title and the
 * HTTP status. Services declare their own kinds next to the exceptions that raise them; the common
 * ones live in {@link CommonProblems}.
 */
public record ProblemType(String slug, String title, int status) {

    public String uri() {
        return Problem.TYPE_PREFIX + slug;
    }
}
