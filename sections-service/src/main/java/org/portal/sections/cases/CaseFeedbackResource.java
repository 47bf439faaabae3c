package org.portal.sections.cases;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
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
import org.portal.sections.records.RecordView;
import org.portal.tokens.Roles;

/** The contact's feedback on a case's resolution: a rating, or a rejection that reopens the case. */
// The whole prefix at class level: a shorter one would take every call on a case from the generic record resources.
@Path("/api/sections/cases/records/{id}/feedback")
@Tag(name = "Cases")
@RolesAllowed({ Roles.PORTAL_USER, Roles.PORTAL_AGENT, Roles.PORTAL_ADMIN })
@Produces(MediaType.APPLICATION_JSON)
public class CaseFeedbackResource {

    private final CaseFeedbackService feedback;
    private final SectionAccess access;

    public CaseFeedbackResource(CaseFeedbackService feedback, SectionAccess access) {
        this.feedback = feedback;
        this.access = access;
    }

    @POST
    @Path("/rating")
    @RolesAllowed(Roles.PORTAL_USER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Rate the case's resolution (1 to 5, once): while it is resolved, or within the window after it closed")
    @APIResponse(responseCode = "403", description = "You are not the case's contact")
    @APIResponse(responseCode = "404", description = "No such case within your reach")
    @APIResponse(responseCode = "409", description = "Not resolved, past the window after closing, or rated already")
    @APIResponseSchema(value = RatingView.class, responseCode = "201", responseDescription = "Rated")
    @SectionCall(value = SectionOperation.edit, section = SectionDefinition.CASES)
    public Response rateCase(@PathParam("id") UUID id, @Valid @NotNull NewRating rating) {
        RatingView rated = feedback.rate(access.require(SectionDefinition.CASES, SectionOperation.edit), id, rating);
        return Response.status(Response.Status.CREATED).entity(rated).build();
    }

    @POST
    @Path("/rejection")
    @RolesAllowed(Roles.PORTAL_USER)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reject the resolution with a reason: the case reopens for the agents")
    @APIResponse(responseCode = "403", description = "You are not the case's contact")
    @APIResponse(responseCode = "404", description = "No such case within your reach")
    @APIResponse(responseCode = "409", description = "The case is not resolved, or its reopen window is over")
    @APIResponseSchema(value = RecordView.class, responseCode = "200", responseDescription = "The reopened case")
    @SectionCall(value = SectionOperation.edit, section = SectionDefinition.CASES)
    public RecordView rejectCaseResolution(@PathParam("id") UUID id, @Valid @NotNull ResolutionRejection rejection) {
        return feedback.reject(access.require(SectionDefinition.CASES, SectionOperation.edit), id, rejection);
    }

    @GET
    @Operation(summary = "The case's rating and rejected resolutions")
    @APIResponse(responseCode = "404", description = "No such case within your reach")
    @SectionCall(value = SectionOperation.read, section = SectionDefinition.CASES)
    public CaseFeedbackView getCaseFeedback(@PathParam("id") UUID id) {
        return feedback.feedback(access.require(SectionDefinition.CASES, SectionOperation.read), id);
    }
}
