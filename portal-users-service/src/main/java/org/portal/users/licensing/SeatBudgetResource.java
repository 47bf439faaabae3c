package org.portal.users.licensing;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.portal.tokens.Roles;
import org.portal.users.users.CallerResolver;

/** What an account's administrators may give out: set by portal administrators at licensing-service. */
@Path("/api/accounts/{id}/seat-budgets")
@Tag(name = "Accounts")
@RolesAllowed({ Roles.PORTAL_ADMIN, Roles.PORTAL_USER })
@Produces(MediaType.APPLICATION_JSON)
public class SeatBudgetResource {

    private final Seats seats;
    private final CallerResolver callers;

    public SeatBudgetResource(Seats seats, CallerResolver callers) {
        this.seats = seats;
        this.callers = callers;
    }

    @GET
    @Operation(summary = "The account's seat budgets per edition and the seats given from each")
    @APIResponse(responseCode = "404", description = "No such account (or not the caller's)")
    public List<SeatBudgetView> listAccountSeatBudgets(@PathParam("id") UUID accountId) {
        callers.manager().requireManages(accountId, "account " + accountId);
        return seats.budgets(accountId);
    }
}
