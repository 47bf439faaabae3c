package org.portal.licensing.ledger;

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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.portal.licensing.licenses.License;
import org.portal.tokens.Roles;

@Path("/api/licensing/ledger")
@Tag(name = "Seat ledger")
@RolesAllowed(Roles.PORTAL_ADMIN)
public class LedgerResource {

    private final SeatLedger ledger;

    public LedgerResource(SeatLedger ledger) {
        this.ledger = ledger;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Every license import, seat assignment and revocation, newest first")
    public LedgerPage listLedger(@QueryParam("licenseId") @Size(max = License.ID_MAX_LENGTH) String licenseId,
            @QueryParam("userId") UUID userId,
            @QueryParam("offset") @DefaultValue("0") @Min(0) @Max(1_000_000) int offset,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        return ledger.page(licenseId, userId, offset, limit);
    }
}
