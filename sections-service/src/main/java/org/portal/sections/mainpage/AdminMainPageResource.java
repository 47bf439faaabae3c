package org.portal.sections.mainpage;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.portal.sections.definitions.Licensing;
import org.portal.sections.records.ETags;
import org.portal.tokens.Roles;

import io.quarkus.security.identity.SecurityIdentity;

@Path("/api/admin/main-page/{edition}")
@Tag(name = "Main page")
@RolesAllowed(Roles.PORTAL_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AdminMainPageResource {

    private final MainPageService pages;
    private final Licensing licensing;
    private final SecurityIdentity identity;

    public AdminMainPageResource(MainPageService pages, Licensing licensing, SecurityIdentity identity) {
        this.pages = pages;
        this.licensing = licensing;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "The edition's main page as configured")
    @APIResponse(responseCode = "404", description = "No such edition")
    @APIResponseSchema(value = MainPageSettings.class, responseCode = "200", responseDescription = "The page; ETag holds its version")
    public Response getMainPageSettings(@PathParam("edition") @Size(max = 64) String edition) {
        MainPageSettings page = pages.settings(edition);
        return Response.ok(page).tag(ETags.of(page.version())).build();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Configure the edition's main page: an ordered list of widgets; If-Match is optional")
    @APIResponse(responseCode = "400", description = "A widget that is malformed or makes no sense for the edition")
    @APIResponse(responseCode = "404", description = "No such edition")
    @APIResponse(responseCode = "412", description = "The page changed since the version in If-Match")
    @APIResponseSchema(value = MainPageSettings.class, responseCode = "200", responseDescription = "Saved; ETag holds its version")
    public Response configureMainPage(@PathParam("edition") @Size(max = 64) String edition,
            @HeaderParam("If-Match") @Size(max = 100) String ifMatch,
            @Valid @NotNull MainPageRequest request) {
        pages.settings(edition);
        MainPageSettings page = pages.save(edition, request.widgets(), licensing.grants(edition), ETags.version(ifMatch),
                identity.getPrincipal().getName());
        return Response.ok(page).tag(ETags.of(page.version())).build();
    }
}
