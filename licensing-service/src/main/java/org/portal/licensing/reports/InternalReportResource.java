package org.portal.licensing.reports;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.portal.problem.InvalidFields;
import org.portal.problem.Problem;
import org.portal.tokens.Roles;

/**
 * Usage and seat reports for sections-service, which serves them to staff and account administrators
 * (and adds case ratings): an account administrator's call arrives here already held to their account.
 */
@Path("/internal/reports")
@Tag(name = "Internal")
@RolesAllowed(Roles.PORTAL_SERVICE)
@Produces(MediaType.APPLICATION_JSON)
public class InternalReportResource {

    /** The longest span one usage report covers: a year and a bit, so a calendar year fits whole. */
    static final int MAX_DAYS = 400;

    private final ReportStore reports;

    public InternalReportResource(ReportStore reports) {
        this.reports = reports;
    }

    @GET
    @Path("/usage")
    @Operation(summary = "Calls, refusals and active users per day or month and account, edition or license")
    public List<UsageReportRow> usageReport(@QueryParam("by") @NotNull ReportGrouping by,
            @QueryParam("period") @NotNull ReportPeriod period, @QueryParam("from") @NotNull LocalDate from,
            @QueryParam("to") @NotNull LocalDate to, @QueryParam("accountId") UUID accountId) {
        checkSpan(from, to);
        return reports.usage(by, period, from, to, accountId);
    }

    @GET
    @Path("/top-users")
    @Operation(summary = "The users with the most calls in the months from and to fall in")
    public List<TopUser> topUsers(@QueryParam("from") @NotNull LocalDate from, @QueryParam("to") @NotNull LocalDate to,
            @QueryParam("accountId") UUID accountId, @QueryParam("limit") @DefaultValue("10") @Min(1) @Max(100) int limit) {
        checkSpan(from, to);
        return reports.topUsers(from, to, accountId, limit);
    }

    @GET
    @Path("/seats")
    @Operation(summary = "Seats given, free and over the limit now, per license, edition or account budget")
    public List<SeatReportRow> seatReport(@QueryParam("by") @NotNull ReportGrouping by,
            @QueryParam("accountId") UUID accountId) {
        return reports.seats(by, accountId);
    }

    static void checkSpan(LocalDate from, LocalDate to) {
        if (to.isBefore(from) || from.plusDays(MAX_DAYS).isBefore(to)) {
            throw new InvalidFields(List.of(new Problem.FieldError("to", "must be on or after from, within " + MAX_DAYS
                    + " days")));
        }
    }
}
