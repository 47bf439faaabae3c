package org.portal.sections.webhooks;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.portal.audit.AuditTrail;
import org.portal.problem.InvalidFields;
import org.portal.problem.NotFound;
import org.portal.problem.Problem;
import org.portal.sections.access.AccountAdministrators;
import org.portal.sections.access.SubjectView;
import org.portal.tokens.Roles;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Partner systems' endpoints: portal administrators manage every one; an account administrator
 * those of their own account, which hear of that account's records only.
 */
@Path("/api/admin/webhooks")
@Tag(name = "Webhooks")
@RolesAllowed({ Roles.PORTAL_ADMIN, Roles.PORTAL_USER })
@Produces(MediaType.APPLICATION_JSON)
public class WebhookResource {

    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

    private final Webhooks webhooks;
    private final WebhookSettings settings;
    private final Clock clock;
    private final SecurityIdentity identity;
    private final AccountAdministrators administrators;
    private final AuditTrail audit;
    private final Validator validator;

    public WebhookResource(Webhooks webhooks, WebhookSettings settings, SecurityIdentity identity, Clock clock,
            AccountAdministrators administrators, Validator validator, AuditTrail audit) {
        this.identity = identity;
        this.administrators = administrators;
        this.audit = audit;
        this.validator = validator;
        this.webhooks = webhooks;
        this.settings = settings;
        this.clock = clock;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Transactional
    @Operation(summary = "Register an endpoint; the answer holds its signing secret, shown this once")
    @APIResponse(responseCode = "201", description = "Registered")
    @APIResponse(responseCode = "400", description = "Not an https URL, or an event nobody sends")
    public Response createWebhookEndpoint(@NotNull NewWebhookEndpoint request) {
        // Who may register comes before what they sent: a caller without the power hears 403, not 400.
        Optional<SubjectView> accountAdmin = accountAdmin();
        Optional<UUID> own = accountAdmin.map(SubjectView::accountId);
        Set<ConstraintViolation<NewWebhookEndpoint>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
        checkUrl(request.url());
        if (own.isPresent() && request.accountId() != null && !own.get().equals(request.accountId())) {
            throw new InvalidFields(List.of(new Problem.FieldError("accountId", "is not your account")));
        }
        if (request.events().contains(WebhookEvent.TEST)) {
            throw new InvalidFields(List.of(new Problem.FieldError("events", "webhook.test is sent on request only")));
        }
        WebhookEndpoint endpoint = new WebhookEndpoint();
        endpoint.id = UUID.randomUUID();
        endpoint.accountId = own.orElse(request.accountId());
        endpoint.url = request.url();
        endpoint.secret = StandardWebhooks.newSecret();
        endpoint.events = request.events().stream().map(WebhookEvent::code).distinct().sorted().toList();
        endpoint.enabled = true;
        endpoint.createdBy = identity.getPrincipal().getName();
        endpoint.createdByUserId = accountAdmin.map(SubjectView::userId).orElse(null);
        endpoint.createdAt = Instant.now(clock);
        endpoint.persist();
        audit.record("webhook-endpoint.created", "webhook-endpoint", endpoint.id, endpoint.accountId, null,
                WebhookEndpointView.from(endpoint, false));
        return Response.status(Response.Status.CREATED).entity(WebhookEndpointView.from(endpoint, true)).build();
    }

    @GET
    @Transactional
    @Operation(summary = "The registered endpoints, newest first")
    public List<WebhookEndpointView> listWebhookEndpoints() {
        Optional<UUID> own = ownAccount();
        List<WebhookEndpoint> endpoints = own.isPresent()
                ? WebhookEndpoint.list("accountId", Sort.descending("createdAt"), own.get())
                : WebhookEndpoint.listAll(Sort.descending("createdAt"));
        return endpoints.stream().map(e -> WebhookEndpointView.from(e, false)).toList();
    }

    @GET
    @Path("/{id}")
    @Transactional
    @Operation(summary = "One endpoint, with why it was disabled if it was")
    @APIResponse(responseCode = "404", description = "No such endpoint")
    public WebhookEndpointView getWebhookEndpoint(@PathParam("id") UUID id) {
        return WebhookEndpointView.from(find(id), false);
    }

    @DELETE
    @Path("/{id}")
    @Transactional
    @Operation(summary = "Remove an endpoint and its delivery log")
    @APIResponse(responseCode = "204", description = "Removed")
    public Response deleteWebhookEndpoint(@PathParam("id") UUID id) {
        WebhookEndpoint endpoint = find(id);
        audit.record("webhook-endpoint.removed", "webhook-endpoint", endpoint.id, endpoint.accountId,
                WebhookEndpointView.from(endpoint, false), null);
        endpoint.delete();
        return Response.noContent().build();
    }

    @POST
    @Path("/{id}/enable")
    @Transactional
    @Operation(summary = "Enable an endpoint again (after it was disabled for failing)")
    public WebhookEndpointView enableWebhookEndpoint(@PathParam("id") UUID id) {
        WebhookEndpoint endpoint = find(id);
        WebhookEndpointView before = WebhookEndpointView.from(endpoint, false);
        endpoint.enabled = true;
        endpoint.disabledReason = null;
        endpoint.consecutiveFailures = 0;
        WebhookEndpointView after = WebhookEndpointView.from(endpoint, false);
        audit.record("webhook-endpoint.enabled", "webhook-endpoint", endpoint.id, endpoint.accountId, before, after);
        return after;
    }

    @POST
    @Path("/{id}/test")
    @Transactional
    @Operation(summary = "Send a webhook.test event to the endpoint now")
    @APIResponse(responseCode = "202", description = "Queued; follow it in the delivery log")
    public Response sendWebhookTest(@PathParam("id") UUID id) {
        WebhookDelivery delivery = webhooks.test(find(id));
        return Response.accepted(WebhookDeliveryView.from(delivery)).build();
    }

    @GET
    @Path("/{id}/deliveries")
    @Transactional
    @Operation(summary = "The endpoint's last 100 deliveries, newest first")
    public List<WebhookDeliveryView> listWebhookDeliveries(@PathParam("id") UUID id) {
        find(id);
        return WebhookDelivery.<WebhookDelivery> find("endpointId", Sort.descending("createdAt"), id).page(Page.ofSize(100))
                .list().stream().map(WebhookDeliveryView::from).toList();
    }

    private WebhookEndpoint find(UUID id) {
        Optional<UUID> own = ownAccount();
        return WebhookEndpoint.<WebhookEndpoint> findByIdOptional(id)
                .filter(endpoint -> own.isEmpty() || own.get().equals(endpoint.accountId))
                .orElseThrow(() -> new NotFound("No webhook endpoint " + id));
    }

    /** Empty for a portal administrator (every account); an account administrator's account; 403 for anyone else. */
    private Optional<UUID> ownAccount() {
        return accountAdmin().map(SubjectView::accountId);
    }

    /** Empty for a portal administrator; the calling account administrator; 403 for anyone else. */
    private Optional<SubjectView> accountAdmin() {
        return administrators.require("Webhooks");
    }

    private void checkUrl(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new InvalidFields(List.of(new Problem.FieldError("url", "is not a URL")));
        }
        boolean https = "https".equals(uri.getScheme()) && uri.getHost() != null;
        boolean loopback = settings.allowHttpLoopback() && "http".equals(uri.getScheme()) && LOOPBACK.contains(uri.getHost());
        if (!https && !loopback || uri.getUserInfo() != null) {
            throw new InvalidFields(List.of(new Problem.FieldError("url", "must be an https:// URL without credentials")));
        }
    }
}
