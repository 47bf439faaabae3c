package org.portal.sections.mainpage;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.portal.problem.AccessProblems;
import org.portal.problem.InvalidFields;
import org.portal.problem.Problem;
import org.portal.sections.ApiNames;
import org.portal.sections.access.Viewer;
import org.portal.sections.access.ViewerResolver;
import org.portal.sections.definitions.Licensing;
import org.portal.tokens.Roles;

import io.quarkus.security.identity.SecurityIdentity;

@Path("/api/main-page")
@Tag(name = "Main page")
@RolesAllowed({ Roles.PORTAL_USER, Roles.PORTAL_AGENT, Roles.PORTAL_ADMIN })
@Produces(MediaType.APPLICATION_JSON)
public class MainPageResource {

    private final MainPageService pages;
    private final Licensing licensing;
    private final ViewerResolver viewers;
    private final SecurityIdentity identity;

    public MainPageResource(MainPageService pages, Licensing licensing, ViewerResolver viewers, SecurityIdentity identity) {
        this.pages = pages;
        this.licensing = licensing;
        this.viewers = viewers;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "My main page: my edition's widgets, each with its data, in one call")
    @APIResponse(responseCode = "400", description = "Staff previewing a page without naming the edition")
    @APIResponse(responseCode = "403", description = "You hold no portal seat")
    @APIResponseSchema(value = MainPageView.class, responseCode = "200", responseDescription = "The page with its data")
    public MainPageView getMainPage(
            @Parameter(description = "Staff only: the edition whose page to preview") @QueryParam("edition") @Pattern(regexp = ApiNames.CODE) @Size(max = 64) String edition) {
        Viewer viewer = viewers.resolve(identity);
        if (viewer.staff()) {
            if (edition == null) {
                throw new InvalidFields(List.of(new Problem.FieldError("edition", "staff name the edition to preview")));
            }
            return pages.page(viewer, edition, null);
        }
        Licensing.Entitlement entitlement = licensing.cachedEntitlement(viewer.userId()).orElseThrow(AccessProblems::noSeat);
        return pages.page(viewer, entitlement.edition(), entitlement.sectionCodes());
    }
}
