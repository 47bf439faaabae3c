package org.portal.sections.cases;

import java.time.Instant;
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

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.portal.tokens.Roles;

/** Case ratings for the agents who answer cases, newest first. */
@Path("/api/sections/cases/ratings")
@Tag(name = "Cases")
@RolesAllowed({ Roles.PORTAL_AGENT, Roles.PORTAL_ADMIN })
@Produces(MediaType.APPLICATION_JSON)
public class CaseRatingsResource {

    private final CaseFeedbackService feedback;

    public CaseRatingsResource(CaseFeedbackService feedback) {
        this.feedback = feedback;
    }

    @GET
    @Operation(summary = "Ratings of cases, newest first; of one account, rated within a time span")
    public RatingPage listCaseRatings(@QueryParam("accountId") UUID accountId,
            @QueryParam("from") @Parameter(description = "Rated at or after this time", schema = @Schema(type = SchemaType.STRING, format = "date-time", maxLength = 40)) Instant from,
            @QueryParam("to") @Parameter(description = "Rated before this time", schema = @Schema(type = SchemaType.STRING, format = "date-time", maxLength = 40)) Instant to,
            @QueryParam("cursor") @Size(max = 200) String cursor,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(CaseFeedbackService.MAX_PAGE) int limit) {
        return feedback.ratings(accountId, from, to, cursor, limit);
    }
}
