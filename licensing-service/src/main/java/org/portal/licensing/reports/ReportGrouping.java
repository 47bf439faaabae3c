package org.portal.licensing.reports;

/** What a usage report adds up by; each names its column in the usage tables. */
public enum ReportGrouping {
    ACCOUNT("cast(account_id as text)"),
    EDITION("edition"),
    LICENSE("license_id");

    final String column;

    ReportGrouping(String column) {
        this.column = column;
    }

    /** As monthly_active_users names the dimension (and query parameters spell it). */
    String dimension() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** As query parameters spell it: {@code account}, {@code edition}, {@code license}. */
    public static ReportGrouping fromString(String value) {
        return valueOf(value.toUpperCase(java.util.Locale.ROOT));
    }
}
