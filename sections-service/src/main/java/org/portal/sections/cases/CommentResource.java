package org.portal.sections.cases;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.portal.sections.definitions.SectionAccess;
import org.portal.sections.definitions.SectionCall;
import org.portal.sections.definitions.SectionDefinition;
import org.portal.sections.definitions.SectionOperation;
import org.portal.tokens.Roles;

@Path("/api/sections/cases/records/{id}/comments")
@Tag(name = "Cases")
@RolesAllowed({ Roles.PORTAL_USER, Roles.PORTAL_AGENT, Roles.PORTAL_ADMIN })
@Produces(MediaType.APPLICATION_JSON)
public class CommentResource {

    private final CommentService comments;
    private final SectionAccess access;

    public CommentResource(CommentService comments, SectionAccess access) {
        this.comments = comments;
        this.access = access;
    }

    @GET
    @Operation(summary = "The case's conversation, oldest first; staff also see internal notes")
    @APIResponse(responseCode = "404", description = "No such case within your reach")
    @APIResponseSchema(value = CommentPage.class, responseCode = "200", responseDescription = "A page of the conversation")
    public CommentPage listCaseComments(@PathParam("id") UUID id, @QueryParam("cursor") @Size(max = 200) String cursor,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(CommentService.MAX_PAGE) int limit) {
        return comments.list(access.require(SectionDefinition.CASES, SectionOperation.read), id, cursor, limit);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Add a comment; staff may make it an internal note that portal users never see")
    @APIResponse(responseCode = "404", description = "No such case within your reach")
    @APIResponse(responseCode = "409", description = "The case is closed or cancelled")
    @APIResponseSchema(value = CommentView.class, responseCode = "201", responseDescription = "Added")
    @SectionCall(value = SectionOperation.edit, section = SectionDefinition.CASES)
    public Response addCaseComment(@PathParam("id") UUID id, @Valid @NotNull NewComment comment) {
        CommentView added = comments.add(access.require(SectionDefinition.CASES, SectionOperation.edit), id, comment);
        return Response.status(Response.Status.CREATED).entity(added).build();
    }
}
