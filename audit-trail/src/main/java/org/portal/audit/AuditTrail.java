package org.portal.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.jwt.JsonWebToken;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.arc.Arc;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.vertx.ext.web.RoutingContext;

/**
 * Records administrative actions in the caller's transaction: the entry commits with the change or
 * not at all. The actor is the signed-in caller (or the person a calling service acts for), "system"
 * for the service's own scheduled work; the request id is the gateway's, so an entry leads to the
 * call's logs. Entries are final: the table refuses updates and deletes (its migration's trigger).
 */
@ApplicationScoped
public class AuditTrail {

    public static final String SYSTEM = "system";
    static final String REQUEST_ID = "X-Request-Id";

    private final EntityManager em;
    private final ObjectMapper json;
    private final Clock clock;
    private final CurrentVertxRequest currentRequest;

    public AuditTrail(EntityManager em, ObjectMapper json, Clock clock, CurrentVertxRequest currentRequest) {
        this.em = em;
        this.json = json;
        this.clock = clock;
        this.currentRequest = currentRequest;
    }

    /**
     * Records an action by the caller. {@code before} and {@code after} are the target's state (records,
     * maps; either null when the target was created or removed); only the fields that differ are kept.
     * A change that changed nothing is not recorded.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(String action, String targetType, Object targetId, UUID accountId, Object before, Object after) {
        recordOnBehalfOf(null, action, targetType, targetId, accountId, before, after);
    }

    /** Records an action that a calling service made for a person ({@code onBehalfOf}, a subject). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordOnBehalfOf(String onBehalfOf, String action, String targetType, Object targetId, UUID accountId,
            Object before, Object after) {
        JsonNode was = before == null ? null : json.valueToTree(before);
        JsonNode is = after == null ? null : json.valueToTree(after);
        if (was instanceof ObjectNode wasObject && is instanceof ObjectNode isObject) {
            dropUnchanged(wasObject, isObject);
            if (wasObject.isEmpty() && isObject.isEmpty()) {
                return;
            }
        }
        String[] actor = actor(onBehalfOf);
        em.createNativeQuery("""
                insert into audit_entries (id, at, actor, actor_name, action, target_type, target_id, account_id, before, after,
                    request_id)
                values (:id, :at, :actor, :actorName, :action, :targetType, :targetId, :accountId, cast(:before as jsonb),
                    cast(:after as jsonb), :requestId)
                """)
                .setParameter("id", UUID.randomUUID())
                // Microseconds, as PostgreSQL keeps them: a cursor made from a read entry matches it exactly.
                .setParameter("at", Instant.now(clock).truncatedTo(ChronoUnit.MICROS))
                .setParameter("actor", actor[0]).setParameter("actorName", actor[1])
                .setParameter("action", action).setParameter("targetType", targetType)
                .setParameter("targetId", String.valueOf(targetId)).setParameter("accountId", accountId)
                .setParameter("before", was == null ? null : was.toString())
                .setParameter("after", is == null ? null : is.toString())
                .setParameter("requestId", requestId())
                .executeUpdate();
    }

    /** Keeps in both only the fields whose values differ. */
    private static void dropUnchanged(ObjectNode before, ObjectNode after) {
        for (Iterator<Map.Entry<String, JsonNode>> fields = before.fields(); fields.hasNext();) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (field.getValue().equals(after.get(field.getKey()))) {
                fields.remove();
                after.remove(field.getKey());
            }
        }
    }

    /** Subject and sign-in name of whoever acts: the person a service acts for, the caller, or the system. */
    private String[] actor(String onBehalfOf) {
        if (onBehalfOf != null && !onBehalfOf.isBlank()) {
            return new String[] { onBehalfOf, null };
        }
        if (!Arc.container().requestContext().isActive()) {
            return new String[] { SYSTEM, null };
        }
        SecurityIdentity identity = Arc.container().instance(SecurityIdentity.class).get();
        if (identity == null || identity.isAnonymous()) {
            return new String[] { SYSTEM, null };
        }
        String name = identity.getPrincipal() instanceof JsonWebToken token ? token.getClaim("preferred_username") : null;
        return new String[] { identity.getPrincipal().getName(), name };
    }

    private String requestId() {
        if (!Arc.container().requestContext().isActive()) {
            return null;
        }
        RoutingContext routing = currentRequest.getCurrent();
        return routing == null ? null : routing.request().getHeader(REQUEST_ID);
    }
}
