package org.portal.sections.reports;

import java.time.LocalDate;

/**
 * One period (a day, or a month by its first day) of one group: an account id, an edition or a license
 * id (empty for calls copied before the gateways said what they were made under). Per account and
 * month also the cases rated in it and their average rating (null when none was rated or for other
 * groupings).
 */
public record UsageReportRow(LocalDate period, String group, long calls, long refused, long activeUsers, Long ratings,
        Double averageRating) {
}
