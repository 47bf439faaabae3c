package org.portal.sections.knowledge;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.portal.tokens.Roles;

import io.quarkus.security.identity.SecurityIdentity;

/** Readers' "not helpful" comments on knowledge base articles, as tasks for the agents. */
@Path("/api/knowledge/feedback")
@Tag(name = "Knowledge base")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Roles.PORTAL_AGENT, Roles.PORTAL_ADMIN })
public class KnowledgeFeedbackResource {

    private final KnowledgeFeedback feedback;
    private final SecurityIdentity caller;

    public KnowledgeFeedbackResource(KnowledgeFeedback feedback, SecurityIdentity caller) {
        this.feedback = feedback;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "Feedback tasks from readers' \"not helpful\" comments, newest first: open ones unless asked for done")
    public List<FeedbackTask> listKnowledgeFeedback(
            @QueryParam("state") @DefaultValue("open") @Pattern(regexp = "open|done") @Parameter(schema = @Schema(type = SchemaType.STRING, enumeration = {
                    "open", "done" }, maxLength = 4)) String state,
            @QueryParam("offset") @DefaultValue("0") @Min(0) @Max(1_000_000) int offset,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(KnowledgeBaseResource.MAX_PAGE) int limit) {
        return feedback.list("done".equals(state), offset, limit);
    }

    @POST
    @Path("/{id}/done")
    @Operation(summary = "Mark a feedback task done")
    @APIResponse(responseCode = "404", description = "No such task")
    public FeedbackTask completeKnowledgeFeedback(@PathParam("id") UUID id) {
        return feedback.done(id, caller.getPrincipal().getName());
    }
}
