package org.portal.users.notifications;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.portal.tokens.Roles;
import org.portal.users.access.Caller;
import org.portal.users.mail.OutgoingMail;
import org.portal.users.users.CallerResolver;

import io.quarkus.panache.common.Page;
import io.quarkus.panache.common.Sort;

/**
 * The delivery log of every mail the portal sends: portal administrators see all; an account administrator the
 * mails to their account's users.
 */
@Path("/api/admin/notifications")
@Tag(name = "Notifications")
@RolesAllowed({ Roles.PORTAL_ADMIN, Roles.PORTAL_USER })
@Produces(MediaType.APPLICATION_JSON)
public class DeliveryLogResource {

    private final CallerResolver callers;

    public DeliveryLogResource(CallerResolver callers) {
        this.callers = callers;
    }

    @GET
    @Transactional
    @Operation(summary = "Mails sent, waiting or failed, newest first; filter by recipient (address or user id), kind, status")
    public List<DeliveryView> listDeliveries(@QueryParam("recipient") @Size(max = 320) String recipient,
            @QueryParam("kind") @Size(max = 40) String kind, @QueryParam("status") DeliveryView.Status status,
            @QueryParam("offset") @DefaultValue("0") @Min(0) @Max(1_000_000) int offset,
            @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
        Caller caller = callers.manager();
        List<String> where = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        if (!caller.isPortalAdmin()) {
            where.add("recipientUserId in (select u.id from PortalUser u where u.accountId = :account)");
            parameters.put("account", caller.accountId());
        }
        if (recipient != null) {
            UUID userId = asUuid(recipient);
            where.add(userId != null ? "recipientUserId = :recipientId" : "lower(recipient) = lower(:recipient)");
            parameters.put(userId != null ? "recipientId" : "recipient", userId != null ? userId : recipient);
        }
        if (kind != null) {
            where.add("kind = :kind");
            parameters.put("kind", kind);
        }
        if (status != null) {
            where.add(DeliveryView.condition(status));
        }
        String query = where.isEmpty() ? "" : String.join(" and ", where);
        return OutgoingMail.<OutgoingMail> find(query, Sort.by("createdAt").descending().and("id"), parameters)
                .page(Page.of(0, offset + limit)).list().stream().skip(offset).map(DeliveryView::from).toList();
    }

    private static UUID asUuid(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException notAnId) {
            return null;
        }
    }
}
