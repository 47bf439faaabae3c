package org.portal.sections.approvals;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.portal.sections.definitions.SeatHolderCall;
import org.portal.sections.definitions.SectionAccess;
import org.portal.tokens.Roles;

/** A portal user as a participant in a process: the approvals sent to them. */
@Path("/api/approvals")
@Tag(name = "Approvals")
@RolesAllowed(Roles.PORTAL_USER)
@Produces(MediaType.APPLICATION_JSON)
public class ApprovalResource {

    private final ApprovalService approvals;
    private final SectionAccess access;

    public ApprovalResource(ApprovalService approvals, SectionAccess access) {
        this.approvals = approvals;
        this.access = access;
    }

    @GET
    @Operation(summary = "My approvals waiting for my decision, oldest first, each with its record")
    @APIResponseSchema(value = OpenApprovals.class, responseCode = "200", responseDescription = "My open approvals and their number")
    public OpenApprovals listMyApprovals(
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(ApprovalService.MAX_OPEN) int limit) {
        return approvals.open(access.requireSeat(), limit);
    }

    @POST
    @Path("/{id}/decision")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Approve or reject; when all approve the record moves on, one rejection moves it back")
    @APIResponse(responseCode = "400", description = "A rejection without a comment")
    @APIResponse(responseCode = "403", description = "The record is outside your account")
    @APIResponse(responseCode = "404", description = "No such approval of yours")
    @APIResponse(responseCode = "409", description = "You decided already, or the request was closed by a rejection")
    @APIResponseSchema(value = ApprovalRequestView.class, responseCode = "200", responseDescription = "The request as it now stands")
    @SeatHolderCall
    public ApprovalRequestView decideApproval(@PathParam("id") UUID id, @Valid @NotNull DecisionRequest decision) {
        return approvals.decide(access.requireSeat(), id, decision);
    }
}
