package org.portal.gateway.quota;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.portal.gateway.access.AccessContextResolver;
import org.portal.problem.ProblemException;
import org.portal.tokens.Roles;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;

@Path("/api/me/quota")
@Tag(name = "Quota")
@Authenticated
public class QuotaResource {

    private final AccessContextResolver access;
    private final QuotaCounter quota;
    private final SecurityIdentity identity;

    public QuotaResource(AccessContextResolver access, QuotaCounter quota, SecurityIdentity identity) {
        this.access = access;
        this.quota = quota;
        this.identity = identity;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "My daily allowance of calls on section data: limit, used, remaining, reset time")
    @APIResponse(responseCode = "404", description = "Staff calls are not counted (not-counted)")
    @APIResponse(responseCode = "503", description = "The counter cannot be read right now")
    @APIResponseSchema(value = QuotaView.class, responseCode = "200", responseDescription = "Your quota today")
    public Uni<QuotaView> getMyQuota() {
        if (!identity.hasRole(Roles.PORTAL_USER)) {
            throw new ProblemException(QuotaView.NOT_COUNTED, "Only portal users' calls are counted against a daily quota");
        }
        return Uni.createFrom().completionStage(access.resolve(identity.getPrincipal().getName()))
                .flatMap(context -> quota.peek(context.userId(), context.dailyCallLimit()));
    }
}
