package org.portal.sections.audit;

import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.portal.audit.AuditCursor;
import org.portal.audit.AuditEntry;
import org.portal.audit.AuditFilter;
import org.portal.audit.AuditLog;
import org.portal.audit.AuditPage;
import org.portal.sections.access.AccountAdministrators;
import org.portal.sections.access.SubjectView;
import org.portal.sections.csv.Csv;
import org.portal.tokens.Roles;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The audit trail of every service, for portal administrators; an account administrator reads the
 * entries of their own account. Read-only: no call of the API changes or removes an entry.
 */
@Path("/api/admin/audit")
@Tag(name = "Audit trail")
@RolesAllowed({ Roles.PORTAL_ADMIN, Roles.PORTAL_USER })
public class AuditResource {

    /** The most rows one CSV export holds; narrow the filter (time, actor, target) for more. */
    static final int MAX_EXPORT = 100_000;
    static final String CSV = Csv.MEDIA_TYPE;

    private final AuditTrails trails;
    private final AccountAdministrators administrators;
    private final ObjectMapper json;

    public AuditResource(AuditTrails trails, AccountAdministrators administrators, ObjectMapper json) {
        this.json = json;
        this.trails = trails;
        this.administrators = administrators;
    }

    @GET
    @Produces({ MediaType.APPLICATION_JSON, CSV })
    @Operation(summary = "Audit entries of every service, newest first; filtered, in cursor pages, or all as CSV "
            + "(Accept: text/csv, at most 100,000 rows)")
    @APIResponse(responseCode = "200", description = "A page (JSON) or every matching entry (CSV)", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = AuditPage.class)),
            @Content(mediaType = CSV, schema = @Schema(type = SchemaType.STRING)) })
    @APIResponse(responseCode = "503", description = "A service's part of the trail cannot be read now")
    public Response listAuditEntries(@QueryParam("actor") @Size(max = 255) String actor,
            @QueryParam("action") @Size(max = 100) String action,
            @QueryParam("targetType") @Size(max = 100) String targetType,
            @QueryParam("target") @Size(max = 255) String target, @QueryParam("accountId") UUID accountId,
            @QueryParam("from") @Parameter(description = "Entries at or after this time", schema = @Schema(type = SchemaType.STRING, format = "date-time", maxLength = 40)) Instant from,
            @QueryParam("to") @Parameter(description = "Entries before this time", schema = @Schema(type = SchemaType.STRING, format = "date-time", maxLength = 40)) Instant to,
            @QueryParam("cursor") @Size(max = 200) String cursor,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(AuditLog.MAX_PAGE) int limit,
            @jakarta.ws.rs.HeaderParam("Accept") String accept) {
        Optional<UUID> own = administrators.require("Audit entries").map(SubjectView::accountId);
        AuditFilter filter = new AuditFilter(blankToNull(actor), blankToNull(action), blankToNull(targetType),
                blankToNull(target), own.orElse(accountId), from, to, AuditCursor.parse(cursor));
        if (Csv.wanted(accept)) {
            return Csv.attachment(export(filter), "audit");
        }
        return Response.ok(trails.page(filter, limit), MediaType.APPLICATION_JSON).build();
    }

    /** Every matching entry, read page by page as it is written (the first page before the answer starts). */
    private StreamingOutput export(AuditFilter filter) {
        AuditPage first = trails.page(filter, AuditLog.MAX_PAGE);
        return output -> {
            Writer out = new BufferedWriter(new OutputStreamWriter(output, StandardCharsets.UTF_8));
            AuditCsv.header(out);
            AuditPage page = first;
            int written = 0;
            while (true) {
                for (AuditEntry entry : page.items()) {
                    if (written++ == MAX_EXPORT) {
                        out.flush();
                        return;
                    }
                    AuditCsv.line(out, entry, json);
                }
                if (page.next() == null) {
                    break;
                }
                page = trails.page(filter.withBefore(AuditCursor.parse(page.next())), AuditLog.MAX_PAGE);
            }
            out.flush();
        };
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
