package org.portal.licensing.seats;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.portal.tokens.Roles;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * For portal-users-service, which gives seats when it approves a registration or an invitation is
 * accepted, and through which account administrators give and take back seats of their budget.
 */
@Path("/internal/seats")
@Tag(name = "Internal")
@RolesAllowed(Roles.PORTAL_SERVICE)
@Produces(MediaType.APPLICATION_JSON)
public class InternalSeatResource {

    private final SeatService seats;
    private final SeatBudgets budgets;
    private final SecurityIdentity caller;

    public InternalSeatResource(SeatService seats, SeatBudgets budgets, SecurityIdentity caller) {
        this.seats = seats;
        this.budgets = budgets;
        this.caller = caller;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Give the user a seat of a valid license of the edition that has one free, out of an account's budget if named")
    @APIResponse(responseCode = "403", description = "The account has no budget of the edition")
    @APIResponse(responseCode = "409", description = "No valid license of the edition has a free seat, or the budget is used up")
    public Response give(@Valid @NotNull EditionSeatRequest request) {
        SeatService.Assigned assigned = seats.assignFromEdition(request.edition(), request.userId(),
                actor(request.givenBy()), request.budgetAccountId());
        return Response.status(assigned.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(SeatView.from(assigned.seat())).build();
    }

    @DELETE
    @Path("/{userId}")
    @Operation(summary = "Take back the user's seat; with an account, only one given out of that account's budget")
    @APIResponse(responseCode = "204", description = "Taken back")
    @APIResponse(responseCode = "404", description = "The user holds no seat (of the account's budget)")
    public void takeBack(@PathParam("userId") UUID userId, @QueryParam("budgetAccountId") UUID budgetAccount,
            @QueryParam("takenBy") @Size(max = 255) String takenBy) {
        seats.revokeHeld(userId, budgetAccount, actor(takenBy));
    }

    @GET
    @Path("/budgets/{accountId}")
    @Operation(summary = "The account's seat budgets, with the seats given from each")
    public List<SeatBudgetView> budgets(@PathParam("accountId") UUID accountId) {
        return budgets.list(accountId);
    }

    @GET
    @Path("/standing")
    @Operation(summary = "Every license's end and how many of its seats are given")
    public List<LicenseStanding> standing() {
        return seats.standing();
    }

    /** The person on whose behalf the calling service acts, for the ledger; else the service itself. */
    private String actor(String onBehalfOf) {
        return onBehalfOf == null || onBehalfOf.isBlank() ? caller.getPrincipal().getName() : onBehalfOf;
    }
}
