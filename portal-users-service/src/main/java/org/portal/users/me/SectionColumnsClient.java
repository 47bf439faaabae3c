package org.portal.users.me;

import java.util.List;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

import io.quarkus.oidc.client.filter.OidcClientFilter;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;

/** sections-service's list columns per section, which list-column preferences are checked against. */
@RegisterRestClient(configKey = "sections")
@OidcClientFilter
@Path("/internal/sections/columns")
public interface SectionColumnsClient {

    record SectionColumns(String code, List<String> columns) {
    }

    @GET
    List<SectionColumns> columns();

    @ClientExceptionMapper
    static RuntimeException toException(Response response) {
        return new IllegalStateException("sections-service answered " + response.getStatus() + " for the list columns");
    }
}
