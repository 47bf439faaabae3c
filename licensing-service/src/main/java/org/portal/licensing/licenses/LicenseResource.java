package org.portal.licensing.licenses;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
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
import org.portal.tokens.Roles;

import io.quarkus.security.identity.SecurityIdentity;

@Path("/api/licensing/licenses")
@Tag(name = "Licenses")
@RolesAllowed(Roles.PORTAL_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class LicenseResource {

    private final LicenseService licenses;
    private final SecurityIdentity caller;

    public LicenseResource(LicenseService licenses, SecurityIdentity caller) {
        this.licenses = licenses;
        this.caller = caller;
    }

    @POST
    @Consumes({ MediaType.TEXT_PLAIN, "application/jwt" })
    @Operation(summary = "Import a license file received from the vendor (a compact JWS)")
    @APIResponse(responseCode = "200", description = "This exact file was imported before; nothing changed")
    @APIResponse(responseCode = "409", description = "A license with this id issued at the same time or later is already imported")
    @APIResponse(responseCode = "422", description = "Refused: the problem type names the check that failed")
    @APIResponseSchema(value = ImportResult.class, responseCode = "201", responseDescription = "Imported")
    public Response importLicense(@NotBlank @Size(max = 16_384) String licenseFile) {
        LicenseService.Imported imported = licenses.importFile(licenseFile, caller.getPrincipal().getName());
        ImportResult result = new ImportResult(LicenseView.from(imported.license()), imported.overLimitSeats());
        return imported.created()
                ? Response.created(URI.create("/api/licensing/licenses/" + result.license().id())).entity(result).build()
                : Response.ok(result).build();
    }

    @GET
    @Operation(summary = "Imported licenses")
    public List<LicenseView> listLicenses() {
        return licenses.list().stream().map(LicenseView::from).toList();
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One imported license")
    @APIResponse(responseCode = "404", description = "No such license")
    @APIResponseSchema(value = LicenseView.class, responseCode = "200", responseDescription = "The license")
    public LicenseView getLicense(@PathParam("id") @Size(max = License.ID_MAX_LENGTH) String id) {
        return LicenseView.from(licenses.get(id));
    }
}
