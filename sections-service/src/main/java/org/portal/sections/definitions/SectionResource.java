package org.portal.sections.definitions;

import java.util.List;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.portal.problem.NotFound;
import org.portal.sections.ApiNames;
import org.portal.sections.access.Viewer;
import org.portal.sections.access.ViewerResolver;
import org.portal.tokens.Roles;

import io.quarkus.security.identity.SecurityIdentity;

@Path("/api/sections")
@Tag(name = "Sections")
@RolesAllowed({ Roles.PORTAL_USER, Roles.PORTAL_AGENT, Roles.PORTAL_ADMIN })
public class SectionResource {

    private final Sections sections;
    private final Licensing licensing;
    private final ViewerResolver viewers;
    private final SecurityIdentity identity;

    public SectionResource(Sections sections, Licensing licensing, ViewerResolver viewers, SecurityIdentity identity) {
        this.sections = sections;
        this.licensing = licensing;
        this.viewers = viewers;
        this.identity = identity;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "The sections you may use, with their fields and lifecycles, to draw forms and lists from")
    public List<SectionView> listSections() {
        return visible().stream().map(SectionView::from).toList();
    }

    @GET
    @Path("/{code}")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "One section you may use: its fields and lifecycle")
    @APIResponse(responseCode = "404", description = "No such section, or not one you may use")
    @APIResponseSchema(value = SectionView.class, responseCode = "200", responseDescription = "The section")
    @SectionCall(SectionOperation.read)
    public SectionView getSection(@PathParam("code") @Size(max = ApiNames.MAX_LENGTH) String code) {
        return visible().stream().filter(s -> s.code().equals(code)).findFirst().map(SectionView::from)
                .orElseThrow(() -> new NotFound("No section " + code + " that you may use"));
    }

    private List<Section> visible() {
        Viewer viewer = viewers.resolve(identity);
        List<Section> all = sections.all();
        if (viewer.staff()) {
            return all;
        }
        return licensing.entitlement(viewer.userId()).map(entitlement -> {
            Set<String> granted = entitlement.sectionCodes();
            return all.stream()
                    .filter(s -> s.custom() ? s.editions().contains(entitlement.edition()) : granted.contains(s.code()))
                    .toList();
        }).orElse(List.<Section> of());
    }
}
