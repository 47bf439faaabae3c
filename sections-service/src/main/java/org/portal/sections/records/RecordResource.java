package org.portal.sections.records;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.portal.problem.NotFound;
import org.portal.sections.ApiNames;
import org.portal.sections.access.Viewer;
import org.portal.sections.definitions.FieldValues;
import org.portal.sections.definitions.Section;
import org.portal.sections.definitions.SectionAccess;
import org.portal.sections.definitions.SectionCall;
import org.portal.sections.definitions.SectionDefinition;
import org.portal.sections.definitions.SectionOperation;
import org.portal.sections.definitions.Sections;
import org.portal.tokens.Roles;

/**
 * The records of every section but the knowledge base (which has its own resource). Which sections
 * and operations a portal user's edition grants is the gateway's check; this resource keeps every
 * caller to the records within their reach.
 */
@Path("/api/sections/{code}/records")
@Tag(name = "Records")
@RolesAllowed({ Roles.PORTAL_USER, Roles.PORTAL_AGENT, Roles.PORTAL_ADMIN })
@Produces(MediaType.APPLICATION_JSON)
public class RecordResource {

    private final RecordService records;
    private final Sections sections;
    private final SectionAccess access;

    public RecordResource(RecordService records, Sections sections, SectionAccess access) {
        this.records = records;
        this.sections = sections;
        this.access = access;
    }

    @GET
    @Operation(summary = "List records: any other query parameter named after a field filters on it (equality)")
    @APIResponse(responseCode = "400", description = "A filter or sort on an undeclared field, a bad value or cursor")
    @APIResponseSchema(value = RecordPage.class, responseCode = "200", responseDescription = "A page of records")
    public RecordPage listRecords(@PathParam("code") @Size(max = ApiNames.MAX_LENGTH) String code,
            @Parameter(description = "Full-text search in the section's searchable fields") @QueryParam("q") @Size(max = 200) String q,
            @Parameter(description = "A sortable field, '-' first for descending; default -created") @QueryParam("sort") @Pattern(regexp = "-?"
                    + ApiNames.NAME) @Size(max = ApiNames.MAX_LENGTH + 1) String sort,
            @Parameter(description = "From the previous page's nextCursor") @QueryParam("cursor") @Size(max = 1000) String cursor,
            @QueryParam("limit") @DefaultValue("20") @Min(1) @Max(RecordService.MAX_PAGE) int limit,
            @QueryParam("status") @Size(max = 50) String status,
            @Parameter(description = "Staff only: one account's records") @QueryParam("accountId") UUID accountId,
            @Context UriInfo uri) {
        Viewer viewer = access.require(code, SectionOperation.read);
        Section section = section(code);
        Map<String, String> filters = new TreeMap<>();
        uri.getQueryParameters().forEach((name, values) -> {
            if (!ApiNames.LIST_PARAMETERS.contains(name)) {
                filters.put(name, values.get(0));
            }
        });
        return records.list(section, viewer, new RecordService.ListRequest(q, sort, cursor, limit, status,
                viewer.staff() ? accountId : null, filters));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a record; with an Idempotency-Key, a retry returns the first result")
    @APIResponse(responseCode = "400", description = "Values that break the section's definition, each listed")
    @APIResponseSchema(value = RecordView.class, responseCode = "201", responseDescription = "Created; ETag holds its version")
    @SectionCall(SectionOperation.create)
    public Response createRecord(@PathParam("code") @Size(max = ApiNames.MAX_LENGTH) String code,
            @HeaderParam("Idempotency-Key") @Size(min = 1, max = 200) String idempotencyKey,
            @Valid @NotNull RecordInput input) {
        RecordService.Created created = records.create(section(code), access.require(code, SectionOperation.create), input,
                idempotencyKey);
        RecordView record = created.record();
        return Response.created(URI.create("/api/sections/" + code + "/records/" + record.id()))
                .tag(ETags.of(record)).entity(record).build();
    }

    @GET
    @Path("/{id}")
    @APIResponse(responseCode = "404", description = "No such record within your reach")
    @APIResponseSchema(value = RecordView.class, responseCode = "200", responseDescription = "The record; ETag holds its version")
    public Response getRecord(@PathParam("code") @Size(max = ApiNames.MAX_LENGTH) String code, @PathParam("id") UUID id) {
        RecordView record = records.get(section(code), access.require(code, SectionOperation.read), id);
        return Response.ok(record).tag(ETags.of(record)).build();
    }

    @PUT
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace the record's values; If-Match with its ETag is required")
    @APIResponse(responseCode = "412", description = "The record changed since that version")
    @APIResponse(responseCode = "428", description = "If-Match missing")
    @APIResponseSchema(value = RecordView.class, responseCode = "200", responseDescription = "Replaced; ETag holds the new version")
    @SectionCall(SectionOperation.edit)
    public Response replaceRecord(@PathParam("code") @Size(max = ApiNames.MAX_LENGTH) String code, @PathParam("id") UUID id,
            @HeaderParam("If-Match") @Size(max = 100) String ifMatch, @Valid @NotNull RecordInput input) {
        return edit(code, id, ifMatch, input, FieldValues.Mode.REPLACE);
    }

    @PATCH
    @Path("/{id}")
    @Consumes({ "application/merge-patch+json", MediaType.APPLICATION_JSON })
    @Operation(summary = "Change some values (null removes one); If-Match with its ETag is required")
    @APIResponse(responseCode = "412", description = "The record changed since that version")
    @APIResponse(responseCode = "428", description = "If-Match missing")
    @APIResponseSchema(value = RecordView.class, responseCode = "200", responseDescription = "Changed; ETag holds the new version")
    @SectionCall(SectionOperation.edit)
    public Response patchRecord(@PathParam("code") @Size(max = ApiNames.MAX_LENGTH) String code, @PathParam("id") UUID id,
            @HeaderParam("If-Match") @Size(max = 100) String ifMatch, @Valid @NotNull RecordInput input) {
        return edit(code, id, ifMatch, input, FieldValues.Mode.PATCH);
    }

    @GET
    @Path("/{id}/history")
    @Operation(summary = "Who changed which fields of the record, and when, oldest first")
    public List<HistoryView> getRecordHistory(@PathParam("code") @Size(max = ApiNames.MAX_LENGTH) String code,
            @PathParam("id") UUID id) {
        return records.history(section(code), access.require(code, SectionOperation.read), id);
    }

    private Response edit(String code, UUID id, String ifMatch, RecordInput input, FieldValues.Mode mode) {
        Viewer viewer = access.require(code, SectionOperation.edit);
        Long version = ETags.version(ifMatch);
        if (version == null) {
            throw new PreconditionFailed(PreconditionFailed.REQUIRED, "Send If-Match with the ETag of the version you edit");
        }
        RecordView record = records.edit(section(code), viewer, id, version, input, mode);
        return Response.ok(record).tag(ETags.of(record)).build();
    }

    private Section section(String code) {
        if (SectionDefinition.KNOWLEDGE_BASE.equals(code)) {
            throw new NotFound("Knowledge base articles are at /api/sections/knowledge-base/records");
        }
        return sections.require(code);
    }
}
