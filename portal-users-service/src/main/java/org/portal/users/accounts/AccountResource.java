package org.portal.users.accounts;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.portal.tokens.Roles;

@Path("/api/accounts")
@Tag(name = "Accounts")
@RolesAllowed(Roles.PORTAL_ADMIN)
@Produces(MediaType.APPLICATION_JSON)
public class AccountResource {

    private final AccountService accounts;

    public AccountResource(AccountService accounts) {
        this.accounts = accounts;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create an account (a customer or partner organization)")
    @APIResponse(responseCode = "409", description = "An account with this name exists")
    @APIResponseSchema(value = AccountView.class, responseCode = "201", responseDescription = "Created")
    public Response createAccount(@Valid @NotNull NewAccount request) {
        AccountView created = AccountView.from(accounts.create(request));
        return Response.created(URI.create("/api/accounts/" + created.id())).entity(created).build();
    }

    @GET
    @Operation(summary = "Accounts by name, optionally those whose name contains q, a page at a time")
    public List<AccountView> listAccounts(@QueryParam("q") @Size(max = 200) String text,
            @QueryParam("offset") @DefaultValue("0") @Min(0) @Max(1_000_000) int offset,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        return accounts.search(text, offset, limit).stream().map(AccountView::from).toList();
    }

    @PATCH
    @Path("/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Rename an account")
    @APIResponse(responseCode = "404", description = "No such account")
    @APIResponse(responseCode = "409", description = "Another account has this name")
    @APIResponseSchema(value = AccountView.class, responseCode = "200", responseDescription = "Renamed")
    public AccountView renameAccount(@PathParam("id") UUID id, @Valid @NotNull NewAccount request) {
        return AccountView.from(accounts.rename(id, request));
    }

    @GET
    @Path("/{id}")
    @APIResponse(responseCode = "404", description = "No such account")
    @APIResponseSchema(value = AccountView.class, responseCode = "200", responseDescription = "The account")
    public AccountView getAccount(@PathParam("id") UUID id) {
        return AccountView.from(accounts.get(id));
    }
}
