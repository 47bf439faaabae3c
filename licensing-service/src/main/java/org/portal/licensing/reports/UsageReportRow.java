package org.portal.licensing.reports;

import java.time.LocalDate;

/**
 * One period (a day, or a month by its first day) of one group (an account id, an edition or a license
 * id; empty for calls copied before the gateways said what they were made under).
 */
public record UsageReportRow(LocalDate period, String group, long calls, long refused, long activeUsers) {
}
