package org.portal.licensing.reports;

/** A usage report's rows per day, or per calendar month (whole months: those the dates fall in). */
public enum ReportPeriod {
    DAY,
    MONTH;

    /** As query parameters spell it: {@code day}, {@code month}. */
    public static ReportPeriod fromString(String value) {
        return valueOf(value.toUpperCase(java.util.Locale.ROOT));
    }
}
