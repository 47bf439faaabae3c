package org.portal.users.licensing;

import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.portal.problem.Unprocessable;
import org.portal.tokens.Roles;
import org.portal.users.access.Caller;
import org.portal.users.users.CallerResolver;
import org.portal.users.users.PortalUser;
import org.portal.users.users.PortalUserService;
import org.portal.users.users.UserStatus;

/**
 * Seats given and taken back by the people who manage users: an account administrator out of the
 * budget a portal administrator gave their account, a portal administrator from any valid license.
 */
@Path("/api/users/{id}/seat")
@Tag(name = "Portal users")
@RolesAllowed({ Roles.PORTAL_ADMIN, Roles.PORTAL_USER })
@Produces(MediaType.APPLICATION_JSON)
public class SeatResource {

    private final Seats seats;
    private final PortalUserService users;
    private final CallerResolver callers;

    public SeatResource(Seats seats, PortalUserService users, CallerResolver callers) {
        this.seats = seats;
        this.users = users;
        this.callers = callers;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Give the user a seat of the edition (an account administrator: out of the account's budget)")
    @APIResponse(responseCode = "204", description = "The user holds a seat of the edition")
    @APIResponse(responseCode = "403", description = "The account has no budget of the edition")
    @APIResponse(responseCode = "404", description = "No such user (or not in the caller's account)")
    @APIResponse(responseCode = "409", description = "The budget is used up, no license of the edition has a free seat, or the user holds another seat")
    @APIResponse(responseCode = "422", description = "The user is not active")
    public void giveUserSeat(@PathParam("id") UUID id, @Valid @NotNull SeatChoice choice) {
        Caller caller = callers.manager();
        PortalUser user = users.get(caller, id);
        if (user.status != UserStatus.active) {
            throw new Unprocessable("Only an active user gets a seat; this one is " + user.status);
        }
        seats.give(user.id, choice.edition(), caller);
    }

    @DELETE
    @Operation(summary = "Take the user's seat back (an account administrator: one given out of the account's budget)")
    @APIResponse(responseCode = "204", description = "Taken back")
    @APIResponse(responseCode = "404", description = "No such user, or no seat the caller may take back")
    public void takeBackUserSeat(@PathParam("id") UUID id) {
        Caller caller = callers.manager();
        seats.takeBack(users.get(caller, id).id, caller);
    }
}
