package org.portal.sections.lifecycles;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import org.portal.sections.records.ETags;
import org.portal.sections.records.RecordView;
import org.portal.tokens.Roles;

@Path("/api/sections/{code}/records/{id}/transitions")
@Tag(name = "Records")
@RolesAllowed({ Roles.PORTAL_USER, Roles.PORTAL_AGENT, Roles.PORTAL_ADMIN })
@Produces(MediaType.APPLICATION_JSON)
public class TransitionResource {

    private final TransitionService transitions;
    private final Sections sections;
    private final SectionAccess access;

    public TransitionResource(TransitionService transitions, Sections sections, SectionAccess access) {
        this.transitions = transitions;
        this.sections = sections;
        this.access = access;
    }

    @GET
    @Operation(summary = "The transitions you may take from the record's state now")
    @APIResponse(responseCode = "404", description = "No such record within your reach")
    @APIResponse(responseCode = "409", description = "The section has no lifecycle")
    @APIResponse(responseCode = "200", description = "The transitions", content = @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(type = SchemaType.ARRAY, implementation = AvailableTransition.class)))
    public List<AvailableTransition> listAvailableTransitions(@PathParam("code") @Size(max = ApiNames.MAX_LENGTH) String code,
            @PathParam("id") UUID id) {
        return transitions.available(sections.require(code), access.require(code, SectionOperation.read), id);
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Move the record to another state of its section's lifecycle; If-Match is optional")
    @APIResponse(responseCode = "403", description = "The transition is not open to you")
    @APIResponse(responseCode = "404", description = "No such record within your reach")
    @APIResponse(responseCode = "409", description = "Not allowed from the record's state, no longer possible, or no lifecycle")
    @APIResponse(responseCode = "412", description = "The record changed since the version in If-Match")
    @APIResponseSchema(value = RecordView.class, responseCode = "200", responseDescription = "Moved; ETag holds the new version")
    @SectionCall(SectionOperation.edit)
    public Response takeTransition(@PathParam("code") @Size(max = ApiNames.MAX_LENGTH) String code, @PathParam("id") UUID id,
            @HeaderParam("If-Match") @Size(max = 100) String ifMatch,
            @Valid @NotNull TransitionRequest request) {
        RecordView record = transitions.take(sections.require(code), access.require(code, SectionOperation.edit), id,
                request.to(),
                ETags.version(ifMatch));
        return Response.ok(record).tag(ETags.of(record)).build();
    }
}
