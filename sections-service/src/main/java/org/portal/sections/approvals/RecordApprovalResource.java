package org.portal.sections.approvals;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.portal.sections.ApiNames;
import org.portal.sections.definitions.SectionAccess;
import org.portal.sections.definitions.SectionCall;
import org.portal.sections.definitions.SectionOperation;
import org.portal.sections.definitions.Sections;
import org.portal.tokens.Roles;

/** Sending a record for approval, and following where its requests stand. */
@Path("/api/sections/{code}/records/{id}/approvals")
@Tag(name = "Approvals")
@RolesAllowed({ Roles.PORTAL_USER, Roles.PORTAL_AGENT, Roles.PORTAL_ADMIN })
@Produces(MediaType.APPLICATION_JSON)
public class RecordApprovalResource {

    private final ApprovalService approvals;
    private final Sections sections;
    private final SectionAccess access;

    public RecordApprovalResource(ApprovalService approvals, Sections sections, SectionAccess access) {
        this.approvals = approvals;
        this.sections = sections;
        this.access = access;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Send the record to portal users of its account for approval; it waits, locked, for their decisions")
    @APIResponse(responseCode = "400", description = "An approver who is not an active portal user of the record's account")
    @APIResponse(responseCode = "404", description = "No such record within your reach")
    @APIResponse(responseCode = "409", description = "The section has no approvals, or not from the record's state")
    @APIResponseSchema(value = ApprovalRequestView.class, responseCode = "201", responseDescription = "Sent")
    @SectionCall(SectionOperation.edit)
    public Response sendForApproval(@PathParam("code") @Size(max = ApiNames.MAX_LENGTH) String code, @PathParam("id") UUID id,
            @Valid @NotNull NewApprovalRequest request) {
        ApprovalRequestView sent = approvals.send(sections.require(code), access.require(code, SectionOperation.edit), id,
                request);
        return Response.status(Response.Status.CREATED).entity(sent).build();
    }

    @GET
    @Operation(summary = "The record's approval requests, newest first, with each approver's decision")
    @APIResponse(responseCode = "404", description = "No such record within your reach")
    @APIResponse(responseCode = "200", description = "The requests", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = ApprovalRequestView.class)))
    public List<ApprovalRequestView> listRecordApprovals(@PathParam("code") @Size(max = ApiNames.MAX_LENGTH) String code,
            @PathParam("id") UUID id) {
        return approvals.ofRecord(sections.require(code), access.require(code, SectionOperation.read), id);
    }
}
