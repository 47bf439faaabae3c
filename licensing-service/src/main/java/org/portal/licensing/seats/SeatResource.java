package org.portal.licensing.seats;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/licensing/licenses/{licenseId}/seats")
@Tag(name = "Seats")
@RolesAllowed("portal-admin")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class SeatResource {

    private final SeatService seats;
    private final SecurityIdentity caller;

    public SeatResource(SeatService seats, SecurityIdentity caller) {
        this.seats = seats;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "Give a seat of this license to a portal user")
    @APIResponse(responseCode = "201", description = "Seat given (or already held by this user on this license)")
    @APIResponse(responseCode = "404", description = "No such license")
    @APIResponse(responseCode = "409", description = "No free seat, or the user holds a seat of another license")
    public Response assign(@PathParam("licenseId") String licenseId, @Valid @NotNull SeatRequest request) {
        Seat seat = seats.assign(licenseId, request.userId(), caller.getPrincipal().getName());
        return Response.status(Response.Status.CREATED).entity(SeatView.from(seat)).build();
    }
}
