package org.portal.licensing.seats;

import java.time.LocalDate;

/** A license's validity and how many of its seats are given, for portal-users-service's watch on both. */
public record LicenseStanding(String licenseId, String edition, LocalDate validUntil, int seats, long given) {
}
