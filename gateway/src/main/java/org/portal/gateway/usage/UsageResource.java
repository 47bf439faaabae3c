package org.portal.gateway.usage;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.event.Event;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.portal.events.ChangeEvent;
import org.portal.gateway.quota.QuotaCounter;
import org.portal.gateway.quota.UsageClient;
import org.portal.tokens.Roles;

import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

/** Portal users' daily call counts for administrators, and their corrections. */
@Path("/api/usage/users/{userId}")
@Tag(name = "Usage")
@RolesAllowed(Roles.PORTAL_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class UsageResource {

    public record Day(LocalDate day, int calls) {
    }

    /** Sets today's count to {@code calls} (0 resets it), with the reason kept in the audit. */
    public record Correction(@Min(0) @Max(1_000_000) int calls, @NotBlank @Size(max = 500) String reason) {
    }

    private final UsageClient usage;
    private final QuotaCounter counter;
    private final Event<ChangeEvent> changes;
    private final SecurityIdentity identity;

    public UsageResource(@RestClient UsageClient usage, QuotaCounter counter, Event<ChangeEvent> changes,
            SecurityIdentity identity) {
        this.usage = usage;
        this.counter = counter;
        this.changes = changes;
        this.identity = identity;
    }

    @GET
    @Operation(summary = "The user's calls per day over the last days (today's live count included)")
    public Uni<List<Day>> getUsage(@PathParam("userId") UUID userId,
            @QueryParam("days") @DefaultValue("30") @Min(1) @Max(400) int days) {
        LocalDate today = counter.today();
        return usage.days(userId, today.minusDays(days - 1L), today)
                .flatMap(stored -> counter.peek(userId, Integer.MAX_VALUE).map(live -> {
                    Map<LocalDate, Integer> byDay = new TreeMap<>();
                    stored.forEach(c -> byDay.put(c.day(), c.calls()));
                    byDay.merge(today, (int) live.used(), Math::max);
                    return byDay.entrySet().stream().map(e -> new Day(e.getKey(), e.getValue())).toList();
                }));
    }

    @POST
    @Path("/adjustments")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Correct or reset the user's count for today; recorded with who and why")
    public Uni<UsageClient.AdjustmentView> adjustUsage(@PathParam("userId") UUID userId,
            @Valid @NotNull Correction correction) {
        LocalDate today = counter.today();
        return usage.adjust(new UsageClient.Adjustment(userId, today, correction.calls(), correction.reason(),
                identity.getPrincipal().getName()))
                .call(recorded -> counter.set(userId, today, correction.calls()))
                .invoke(recorded -> changes.fire(ChangeEvent.quotaChanged(userId)));
    }

    @GET
    @Path("/adjustments")
    @Operation(summary = "Every correction of the user's counts, newest first")
    public Uni<List<UsageClient.AdjustmentView>> listUsageAdjustments(@PathParam("userId") UUID userId) {
        return usage.adjustments(userId);
    }
}
