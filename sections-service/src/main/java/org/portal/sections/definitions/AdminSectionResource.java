package org.portal.sections.definitions;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
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
import org.portal.sections.ApiNames;
import org.portal.tokens.Roles;

@Path("/api/admin/sections")
@Tag(name = "Section administration")
@RolesAllowed(Roles.PORTAL_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AdminSectionResource {

    private final DefinitionService definitions;
    private final Sections sections;

    public AdminSectionResource(DefinitionService definitions, Sections sections) {
        this.definitions = definitions;
        this.sections = sections;
    }

    @GET
    @Operation(summary = "Every section, base and custom")
    public List<SectionView> listAllSections() {
        return sections.all().stream().map(SectionView::from).toList();
    }

    @GET
    @Path("/{code}")
    public SectionView getSectionDefinition(@PathParam("code") @Size(max = ApiNames.MAX_LENGTH) String code) {
        return SectionView.from(sections.require(code));
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Define a custom section for the customer and/or partner edition")
    @APIResponse(responseCode = "409", description = "The code is taken, or an edition has all its custom sections (custom-section-limit)")
    @APIResponseSchema(value = SectionView.class, responseCode = "201", responseDescription = "Defined")
    public Response createCustomSection(@Valid @NotNull CustomSectionRequest request) {
        SectionView created = SectionView.from(definitions.createCustom(request));
        return Response.created(URI.create("/api/admin/sections/" + created.code())).entity(created).build();
    }

    @PUT
    @Path("/{code}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a definition; removing or retyping a field that holds data needs force=true")
    @APIResponse(responseCode = "409", description = "A field that holds data would be removed or retyped (field-holds-data)")
    @APIResponseSchema(value = SectionView.class, responseCode = "200", responseDescription = "Changed")
    public SectionView changeSectionDefinition(@PathParam("code") @Size(max = ApiNames.MAX_LENGTH) String code,
            @QueryParam("force") @DefaultValue("false") boolean force,
            @Valid @NotNull DefinitionChange change) {
        return SectionView.from(definitions.change(code, change, force));
    }
}
