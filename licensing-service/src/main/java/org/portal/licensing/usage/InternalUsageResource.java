package org.portal.licensing.usage;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.portal.problem.InvalidFields;
import org.portal.problem.Problem;
import org.portal.tokens.Roles;

/** The durable side of the daily call counters, for the gateways (which count in Redis). */
@Path("/internal/usage")
@Tag(name = "Internal")
@RolesAllowed(Roles.PORTAL_SERVICE)
@Produces(MediaType.APPLICATION_JSON)
public class InternalUsageResource {

    private final UsageStore usage;

    public InternalUsageResource(UsageStore usage) {
        this.usage = usage;
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record counts from a gateway's counters (the highest seen per user and day is kept)")
    public void record(@NotNull @Size(max = 10_000) List<@Valid @NotNull UsageCount> counts) {
        usage.record(counts);
    }

    @GET
    @Path("/users/{userId}")
    @Operation(summary = "A user's counts per day between two dates")
    public List<UsageCount> days(@PathParam("userId") UUID userId, @QueryParam("from") @NotNull LocalDate from,
            @QueryParam("to") @NotNull LocalDate to) {
        if (to.isBefore(from) || from.plusDays(400).isBefore(to)) {
            throw new InvalidFields(List.of(new Problem.FieldError("to", "must be on or after from, within 400 days")));
        }
        return usage.days(userId, from, to);
    }

    @POST
    @Path("/adjustments")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set a user's count for a day, with who and why")
    public AdjustmentView adjust(@Valid @NotNull Adjustment adjustment) {
        return usage.adjust(adjustment);
    }

    @GET
    @Path("/users/{userId}/adjustments")
    @Operation(summary = "Every correction of a user's counts, newest first")
    public List<AdjustmentView> adjustments(@PathParam("userId") UUID userId) {
        return usage.adjustments(userId);
    }
}
