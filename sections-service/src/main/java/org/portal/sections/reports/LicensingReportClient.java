package org.portal.sections.reports;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.RestQuery;
import org.portal.sections.access.NeighbourFailed;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;

/** licensing-service's usage and seat reports (it keeps the call counts and the seats). */
@RegisterRestClient(configKey = "licensing")
@OidcClientFilter
@Path("/internal/reports")
public interface LicensingReportClient {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record UsageRow(LocalDate period, String group, long calls, long refused, long activeUsers) {
    }

    @GET
    @Path("/usage")
    List<UsageRow> usage(@RestQuery String by, @RestQuery String period, @RestQuery LocalDate from, @RestQuery LocalDate to,
            @RestQuery UUID accountId);

    @GET
    @Path("/top-users")
    List<TopUser> topUsers(@RestQuery LocalDate from, @RestQuery LocalDate to, @RestQuery UUID accountId,
            @RestQuery int limit);

    @GET
    @Path("/seats")
    List<SeatReportRow> seats(@RestQuery String by, @RestQuery UUID accountId);

    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        return new NeighbourFailed("licensing-service answered " + response.getStatus() + " to a report query");
    }
}
