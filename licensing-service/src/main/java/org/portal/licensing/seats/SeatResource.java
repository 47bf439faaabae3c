package org.portal.licensing.seats;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import org.portal.licensing.licenses.License;
import org.portal.tokens.Roles;

import io.quarkus.security.identity.SecurityIdentity;

@Path("/api/licensing/licenses/{licenseId}/seats")
@Tag(name = "Seats")
@RolesAllowed(Roles.PORTAL_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class SeatResource {

    private final SeatService seats;
    private final SecurityIdentity caller;

    public SeatResource(SeatService seats, SecurityIdentity caller) {
        this.seats = seats;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Give a seat of this license to a portal user")
    @APIResponse(responseCode = "200", description = "The user already holds a seat of this license")
    @APIResponse(responseCode = "404", description = "No such license")
    @APIResponse(responseCode = "409", description = "No free seat, or the user holds a seat of another license")
    @APIResponseSchema(value = SeatView.class, responseCode = "201", responseDescription = "Seat given")
    public Response giveSeat(@PathParam("licenseId") @Size(max = License.ID_MAX_LENGTH) String licenseId,
            @Valid @NotNull SeatRequest request) {
        SeatService.Assigned assigned = seats.assign(licenseId, request.userId(), caller.getPrincipal().getName());
        return Response.status(assigned.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(SeatView.from(assigned.seat())).build();
    }

    @DELETE
    @Path("/{userId}")
    @Operation(summary = "Take a seat back from a portal user")
    @APIResponse(responseCode = "204", description = "Taken back")
    @APIResponse(responseCode = "404", description = "The user holds no seat of this license")
    public void revokeSeat(@PathParam("licenseId") @Size(max = License.ID_MAX_LENGTH) String licenseId,
            @PathParam("userId") UUID userId) {
        seats.revoke(licenseId, userId, caller.getPrincipal().getName());
    }

    @GET
    @Operation(summary = "The license's seats, oldest first, with totals and seats held over the limit")
    public SeatPage listSeats(@PathParam("licenseId") @Size(max = License.ID_MAX_LENGTH) String licenseId,
            @QueryParam("offset") @DefaultValue("0") @Min(0) @Max(1_000_000) int offset,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        return seats.page(licenseId, offset, limit);
    }

    @POST
    @Path("/check")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Dry run: would this many more seats fit, and which limit binds")
    public SeatCheck checkSeats(@PathParam("licenseId") @Size(max = License.ID_MAX_LENGTH) String licenseId,
            @Valid @NotNull SeatCheckRequest request) {
        return seats.check(licenseId, request.count());
    }
}
