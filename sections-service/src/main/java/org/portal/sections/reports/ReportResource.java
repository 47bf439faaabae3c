package org.portal.sections.reports;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.portal.problem.InvalidFields;
import org.portal.problem.Problem;
import org.portal.sections.access.AccountAdministrators;
import org.portal.sections.access.SubjectView;
import org.portal.sections.cases.CaseFeedbackService;
import org.portal.sections.csv.Csv;
import org.portal.tokens.Roles;

/**
 * Usage and seat reports for portal administrators, as JSON or CSV ({@code Accept: text/csv}); an
 * account administrator gets their own account's (whatever account the query names).
 */
@Path("/api/admin/reports")
@Tag(name = "Reports")
@RolesAllowed({ Roles.PORTAL_ADMIN, Roles.PORTAL_USER })
public class ReportResource {

    static final String CSV = Csv.MEDIA_TYPE;
    /** The longest span one report covers: a year and a bit, so a calendar year fits whole. */
    static final int MAX_DAYS = 400;

    private final LicensingReports licensing;
    private final CaseFeedbackService feedback;
    private final AccountAdministrators administrators;

    public ReportResource(LicensingReports licensing, CaseFeedbackService feedback, AccountAdministrators administrators) {
        this.licensing = licensing;
        this.feedback = feedback;
        this.administrators = administrators;
    }

    @GET
    @Path("/usage")
    @Produces({ MediaType.APPLICATION_JSON, CSV })
    @Operation(summary = "Calls made, calls refused (429) and active users per day or month and per account, edition or "
            + "license; per account and month also the average case rating")
    @APIResponse(responseCode = "200", description = "The report's rows, by period then group", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = UsageReportRow.class)),
            @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING)) })
    @APIResponse(responseCode = "503", description = "licensing-service cannot give the report now")
    public Response getUsageReport(
            @QueryParam("by") @DefaultValue("account") @Pattern(regexp = "account|edition|license") @Parameter(schema = @Schema(type = SchemaType.STRING, enumeration = {
                    "account", "edition", "license" }, maxLength = 7)) String by,
            @QueryParam("period") @DefaultValue("day") @Pattern(regexp = "day|month") @Parameter(schema = @Schema(type = SchemaType.STRING, enumeration = {
                    "day", "month" }, maxLength = 5)) String period,
            @QueryParam("from") @Parameter(description = "First day (for months: its month); the first of this month if absent", schema = @Schema(type = SchemaType.STRING, format = "date", maxLength = 10)) LocalDate from,
            @QueryParam("to") @Parameter(description = "Last day (for months: its month); today if absent", schema = @Schema(type = SchemaType.STRING, format = "date", maxLength = 10)) LocalDate to,
            @QueryParam("accountId") UUID accountId, @HeaderParam("Accept") String accept) {
        UUID account = account(accountId);
        Span span = Span.of(from, to);
        List<LicensingReportClient.UsageRow> usage = licensing.usage(by, period, span.from(), span.to(), account);
        List<UsageReportRow> rows = "account".equals(by) && "month".equals(period)
                ? withRatings(usage, span.from(), span.to(), account)
                : usage.stream().map(u -> new UsageReportRow(u.period(), u.group(), u.calls(), u.refused(), u.activeUsers(),
                        null, null)).toList();
        return answer(rows, UsageReportRow.class, accept, "usage");
    }

    @GET
    @Path("/top-users")
    @Produces({ MediaType.APPLICATION_JSON, CSV })
    @Operation(summary = "The users who made the most calls in the months from and to fall in")
    @APIResponse(responseCode = "200", description = "Users, most calls first", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = TopUser.class)),
            @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING)) })
    @APIResponse(responseCode = "503", description = "licensing-service cannot give the report now")
    public Response getTopUsers(
            @QueryParam("from") @Parameter(description = "A day of the first month; this month if absent", schema = @Schema(type = SchemaType.STRING, format = "date", maxLength = 10)) LocalDate from,
            @QueryParam("to") @Parameter(description = "A day of the last month; this month if absent", schema = @Schema(type = SchemaType.STRING, format = "date", maxLength = 10)) LocalDate to,
            @QueryParam("accountId") UUID accountId,
            @QueryParam("limit") @DefaultValue("10") @Min(1) @Max(100) int limit, @HeaderParam("Accept") String accept) {
        UUID account = account(accountId);
        Span span = Span.of(from, to);
        return answer(licensing.topUsers(span.from(), span.to(), account, limit), TopUser.class, accept, "top-users");
    }

    @GET
    @Path("/seats")
    @Produces({ MediaType.APPLICATION_JSON, CSV })
    @Operation(summary = "Seats given, free and over the limit now, per license, edition or account budget")
    @APIResponse(responseCode = "200", description = "One row per group", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = SeatReportRow.class)),
            @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING)) })
    @APIResponse(responseCode = "503", description = "licensing-service cannot give the report now")
    public Response getSeatReport(
            @QueryParam("by") @DefaultValue("account") @Pattern(regexp = "account|edition|license") @Parameter(schema = @Schema(type = SchemaType.STRING, enumeration = {
                    "account", "edition", "license" }, maxLength = 7)) String by,
            @QueryParam("accountId") UUID accountId, @HeaderParam("Accept") String accept) {
        Optional<SubjectView> own = administrators.require("Reports");
        if (own.isPresent() && !"account".equals(by)) {
            throw new ForbiddenException("An account administrator's seat report is their account's budgets (by=account)");
        }
        return answer(licensing.seats(by, own.map(SubjectView::accountId).orElse(accountId)), SeatReportRow.class, accept,
                "seats");
    }

    /** The account the report is held to: the account administrator's own, or what staff asked for (all: null). */
    private UUID account(UUID asked) {
        return administrators.require("Reports").map(SubjectView::accountId).orElse(asked);
    }

    /** Usage rows per account and month with that account's ratings of the month, and months rated without calls. */
    private List<UsageReportRow> withRatings(List<LicensingReportClient.UsageRow> usage, LocalDate from, LocalDate to,
            UUID account) {
        Map<String, CaseFeedbackService.MonthlyRating> ratings = new HashMap<>();
        feedback.monthlyRatings(from, to, account).forEach(r -> ratings.put(r.month() + "/" + r.accountId(), r));
        List<UsageReportRow> rows = new ArrayList<>();
        for (LicensingReportClient.UsageRow u : usage) {
            CaseFeedbackService.MonthlyRating rating = ratings.remove(u.period() + "/" + u.group());
            rows.add(new UsageReportRow(u.period(), u.group(), u.calls(), u.refused(), u.activeUsers(),
                    rating == null ? null : rating.ratings(), rating == null ? null : rating.average()));
        }
        ratings.values().forEach(r -> rows.add(new UsageReportRow(r.month(), r.accountId().toString(), 0, 0, 0, r.ratings(),
                r.average())));
        rows.sort(Comparator.comparing(UsageReportRow::period).thenComparing(UsageReportRow::group));
        return rows;
    }

    private static <R extends Record> Response answer(List<R> rows, Class<R> type, String accept, String name) {
        if (Csv.wanted(accept)) {
            return Csv.attachment(output -> {
                Writer out = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8));
                Csv.table(out, type, rows);
                out.flush();
            }, name);
        }
        return Response.ok(rows, MediaType.APPLICATION_JSON).build();
    }

    /** The days a report covers: this month so far unless asked otherwise, at most {@link #MAX_DAYS}. */
    record Span(LocalDate from, LocalDate to) {

        static Span of(LocalDate from, LocalDate to) {
            LocalDate last = to != null ? to : LocalDate.now(ZoneOffset.UTC);
            LocalDate first = from != null ? from : last.withDayOfMonth(1);
            if (last.isBefore(first) || first.plusDays(MAX_DAYS).isBefore(last)) {
                throw new InvalidFields(List.of(new Problem.FieldError("to", "must be on or after from, within " + MAX_DAYS
                        + " days")));
            }
            return new Span(first, last);
        }
    }
}
