package org.portal.users.licensing;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;

/** licensing-service's internal API, called with this service's own identity. */
@RegisterRestClient(configKey = "licensing")
@OidcClientFilter
@Path("/internal")
public interface LicensingClient {

    @GET
    @Path("/users/{userId}/entitlement")
    EntitlementView entitlement(@PathParam("userId") UUID userId);

    @POST
    @Path("/seats")
    @Consumes(MediaType.APPLICATION_JSON)
    void giveSeat(SeatGrant grant);

    @DELETE
    @Path("/seats/{userId}")
    void takeBackSeat(@PathParam("userId") UUID userId, @QueryParam("budgetAccountId") UUID budgetAccount,
            @QueryParam("takenBy") String takenBy);

    @GET
    @Path("/seats/budgets/{accountId}")
    List<SeatBudgetView> budgets(@PathParam("accountId") UUID accountId);

    /** {@code budgetAccountId} names the account whose budget pays for the seat; null for staff. */
    @GET
    @Path("/seats/standing")
    List<LicenseStanding> standing();

    /** A license's end and how many of its seats are given. */
    record LicenseStanding(String licenseId, String edition, LocalDate validUntil, int seats, long given) {
    }

    record SeatGrant(UUID userId, String edition, String givenBy, UUID budgetAccountId) {
    }

    /**
     * A refusal (403, 404, 409, 422) keeps licensing-service's problem for Seats to put in this
     * service's words; any other error status means it cannot answer now.
     */
    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        int status = response.getStatus();
        if (status == 403 || status == 404 || status == 409 || status == 422) {
            return new LicensingRefusal(status, problemOf(response));
        }
        return new LicensingFailed("licensing-service answered " + status);
    }

    /** The refusal's problem body; empty when it has none a JSON reader can take (a bare 404, say). */
    private static Map<?, ?> problemOf(Response response) {
        try {
            return response.readEntity(Map.class);
        } catch (RuntimeException unreadable) {
            return Map.of();
        }
    }
}
