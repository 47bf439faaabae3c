package org.portal.licensing.settings;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.portal.licensing.catalogue.CatalogueView;
import org.portal.tokens.Roles;

/** The catalogue's settings, for portal administrators: changed here, they hold at once everywhere. */
@Path("/api/licensing/catalogue")
@Tag(name = "Licensing catalogue")
@RolesAllowed(Roles.PORTAL_ADMIN)
@Consumes(MediaType.APPLICATION_JSON)
@Produces(MediaType.APPLICATION_JSON)
public class CatalogueSettingsResource {

    private final CatalogueSettings settings;

    public CatalogueSettingsResource(CatalogueSettings settings) {
        this.settings = settings;
    }

    @PUT
    @Path("/editions/{code}/daily-call-limit")
    @Operation(summary = "Set an edition's daily call limit per portal user (portal administrators); holders get it at once")
    @APIResponse(responseCode = "404", description = "No such edition")
    @APIResponseSchema(value = CatalogueView.EditionView.class, responseCode = "200", responseDescription = "The edition")
    public CatalogueView.EditionView setEditionDailyCallLimit(@PathParam("code") @Size(max = 100) String code,
            @Valid @NotNull DailyCallLimit request) {
        return CatalogueView.EditionView.from(settings.setDailyCallLimit(code, request.dailyCallLimit()));
    }

    @PUT
    @Path("/products/{code}/modules")
    @Operation(summary = "Set the modules a main product contains (portal administrators); its licenses' grants follow at once")
    @APIResponse(responseCode = "404", description = "No such main product")
    @APIResponseSchema(value = CatalogueView.ProductView.class, responseCode = "200", responseDescription = "The main product")
    public CatalogueView.ProductView setProductModules(@PathParam("code") @Size(max = 100) String code,
            @Valid @NotNull ProductModules request) {
        return CatalogueView.ProductView.from(settings.setModules(code, request.modules()));
    }
}
