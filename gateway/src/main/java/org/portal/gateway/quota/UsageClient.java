package org.portal.gateway.quota;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.smallrye.mutiny.Uni;

/** licensing-service's durable store of daily counts and their corrections. */
@RegisterRestClient(configKey = "licensing")
@OidcClientFilter
@Path("/internal/usage")
public interface UsageClient {

    /**
     * A user's calls on a day; from this gateway also the calls it refused that day (its running total)
     * and what the calls were made under, where it counted them itself.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Count(UUID userId, LocalDate day, int calls, Integer refused, String gatewayId, UUID accountId, String edition,
            String licenseId) {
    }

    record Adjustment(UUID userId, LocalDate day, int calls, String reason, String actor) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record AdjustmentView(long id, UUID userId, LocalDate day, int callsBefore, int callsAfter, String actor, String reason,
            Instant at) {
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Void> record(List<Count> counts);

    @GET
    @Path("/users/{userId}")
    Uni<List<Count>> days(@PathParam("userId") UUID userId, @QueryParam("from") LocalDate from, @QueryParam("to") LocalDate to);

    @POST
    @Path("/adjustments")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<AdjustmentView> adjust(Adjustment adjustment);

    @GET
    @Path("/users/{userId}/adjustments")
    Uni<List<AdjustmentView>> adjustments(@PathParam("userId") UUID userId);
}
