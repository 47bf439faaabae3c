package org.portal.licensing.seats;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** For portal-users-service, which gives seats when it approves a registration or an invitation is accepted. */
@Path("/internal/seats")
@Tag(name = "Internal")
@RolesAllowed("portal-service")
public class InternalSeatResource {

    private final SeatService seats;

    public InternalSeatResource(SeatService seats) {
        this.seats = seats;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Give the user a seat of a valid license of the edition that has one free")
    @APIResponse(responseCode = "409", description = "No valid license of the edition has a free seat")
    public Response give(@Valid @NotNull EditionSeatRequest request) {
        SeatService.Assigned assigned = seats.assignFromEdition(request.edition(), request.userId(), "portal-users-service");
        return Response.status(assigned.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(SeatView.from(assigned.seat())).build();
    }
}
