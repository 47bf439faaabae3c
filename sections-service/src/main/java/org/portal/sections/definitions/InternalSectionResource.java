package org.portal.sections.definitions;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.portal.tokens.Roles;

/**
 * For the other services: which editions may use each custom section (base sections' grants are
 * licensing's), for the gateway; which columns each section's lists can show, for portal-users-service.
 */
@Path("/internal/sections")
@Tag(name = "Internal")
@RolesAllowed(Roles.PORTAL_SERVICE)
public class InternalSectionResource {

    public record CustomSectionEditions(String code, List<String> editions) {
    }

    public record SectionColumns(String code, List<String> columns) {
    }

    private final Sections sections;

    public InternalSectionResource(Sections sections) {
        this.sections = sections;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Each custom section and the editions it is for")
    public List<CustomSectionEditions> custom() {
        return sections.all().stream().filter(Section::custom)
                .map(s -> new CustomSectionEditions(s.code(), s.editions())).toList();
    }

    @GET
    @Path("/columns")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Each section and the columns its lists can show (for checking list-column preferences)")
    public List<SectionColumns> columns() {
        return sections.all().stream().map(s -> new SectionColumns(s.code(), s.listColumns())).toList();
    }
}
