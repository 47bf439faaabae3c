package org.portal.licensing.seats;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.portal.tokens.Roles;

import io.quarkus.security.identity.SecurityIdentity;

/** Portal administrators set how many seats of each edition an account's administrators may give out. */
@Path("/api/licensing/accounts/{accountId}/seat-budgets")
@Tag(name = "Seats")
@RolesAllowed(Roles.PORTAL_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class SeatBudgetResource {

    private final SeatBudgets budgets;
    private final SecurityIdentity caller;

    public SeatBudgetResource(SeatBudgets budgets, SecurityIdentity caller) {
        this.budgets = budgets;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "The account's seat budgets per edition, with the seats given from each")
    public List<SeatBudgetView> listSeatBudgets(@PathParam("accountId") UUID accountId) {
        return budgets.list(accountId);
    }

    @PUT
    @Path("/{edition}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set the account's budget of an edition's seats; lowering it below the seats given takes none back")
    @APIResponse(responseCode = "422", description = "No such edition")
    public SeatBudgetView setSeatBudget(@PathParam("accountId") UUID accountId,
            @PathParam("edition") @Pattern(regexp = "[a-z0-9-]{1,64}") @Size(max = 64) String edition,
            @Valid @NotNull SeatBudgetRequest request) {
        return budgets.set(accountId, edition, request.seats(), caller.getPrincipal().getName());
    }
}
