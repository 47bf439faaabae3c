package org.portal.audit;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads this service's audit trail, newest first, a page at a time (keyset pages: no offset scans). */
@ApplicationScoped
public class AuditLog {

    public static final int MAX_PAGE = 500;
    private static final TypeReference<Map<String, Object>> STATE = new TypeReference<>() {
    };

    private final EntityManager em;
    private final ObjectMapper json;
    private final String service;

    public AuditLog(EntityManager em, ObjectMapper json, @ConfigProperty(name = "quarkus.application.name") String service) {
        this.em = em;
        this.json = json;
        this.service = service;
    }

    public AuditPage page(AuditFilter filter, int limit) {
        List<String> where = new ArrayList<>();
        Map<String, Object> parameters = new HashMap<>();
        if (filter.actor() != null) {
            where.add("(actor = :actor or actor_name = :actor)");
            parameters.put("actor", filter.actor());
        }
        condition(where, parameters, "action", filter.action());
        condition(where, parameters, "target_type", filter.targetType());
        condition(where, parameters, "target_id", filter.targetId());
        condition(where, parameters, "account_id", filter.accountId());
        if (filter.from() != null) {
            where.add("at >= :from");
            parameters.put("from", filter.from());
        }
        if (filter.to() != null) {
            where.add("at < :to");
            parameters.put("to", filter.to());
        }
        if (filter.before() != null) {
            where.add("(at, id) < (:beforeAt, :beforeId)");
            parameters.put("beforeAt", filter.before().at());
            parameters.put("beforeId", filter.before().id());
        }
        Query query = em.createNativeQuery("select id, at, actor, actor_name, action, target_type, target_id, account_id, "
                + "cast(before as text), cast(after as text), request_id from audit_entries"
                + (where.isEmpty() ? "" : " where " + String.join(" and ", where))
                + " order by at desc, id desc limit :limit");
        parameters.forEach(query::setParameter);
        query.setParameter("limit", limit + 1);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query.getResultList();
        List<AuditEntry> entries = rows.stream().limit(limit).map(this::entry).toList();
        String next = rows.size() > limit ? AuditCursor.of(entries.get(entries.size() - 1)).text() : null;
        return new AuditPage(entries, next);
    }

    private static void condition(List<String> where, Map<String, Object> parameters, String column, Object value) {
        if (value != null) {
            where.add(column + " = :" + column);
            parameters.put(column, value);
        }
    }

    private AuditEntry entry(Object[] row) {
        return new AuditEntry((UUID) row[0], instant(row[1]), service, (String) row[2], (String) row[3], (String) row[4],
                (String) row[5], (String) row[6], (UUID) row[7], tree(row[8]), tree(row[9]), (String) row[10]);
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime time) {
            return time.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }

    private Map<String, Object> tree(Object text) {
        try {
            return text == null ? null : json.readValue((String) text, STATE);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
