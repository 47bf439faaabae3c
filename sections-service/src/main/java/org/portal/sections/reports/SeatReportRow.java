package org.portal.sections.reports;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * Seats of one group now: a license, an edition (its licenses together) or an account's budget of an
 * edition. {@code seats} is what the license allows (for an account: its budget); {@code given} the
 * seats that grant access, {@code overLimit} those kept beyond what a license now allows, {@code free}
 * what can still be given.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SeatReportRow(String group, String edition, long seats, long given, long free, long overLimit) {
}
