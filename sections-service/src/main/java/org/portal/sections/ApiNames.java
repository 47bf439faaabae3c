package org.portal.sections;

/**
 * The form of every name the API takes: section codes, field names, lifecycle states and
 * transitions. Lower case, starting with a letter, at most {@link #MAX_LENGTH} characters; the
 * patterns and the length are stated together because the API document needs the length on its own.
 */
public final class ApiNames {

    /** A field, state or transition name. */
    public static final String NAME = "[a-z][a-z0-9-]{0,62}";
    /** A section code: at least two characters. */
    public static final String CODE = "[a-z][a-z0-9-]{1,62}";
    public static final int MAX_LENGTH = 63;
    /**
     * The record list's own query parameters. Any other parameter filters on the field of that name,
     * so no field may take one of these names (it could never be filtered on).
     */
    public static final java.util.Set<String> LIST_PARAMETERS = java.util.Set.of("q", "sort", "cursor", "limit", "status",
            "accountId");

    private ApiNames() {
    }
}
