package org.portal.sections.records;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import org.portal.problem.InvalidFields;
import org.portal.problem.Problem;
import org.portal.sections.access.Viewer;
import org.portal.sections.definitions.Decimals;
import org.portal.sections.definitions.FieldDefinition;
import org.portal.sections.definitions.FieldType;
import org.portal.sections.definitions.FieldValues;
import org.portal.sections.definitions.Section;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Builds one list query: the viewer's reach, equality filters on declared fields (JSONB
 * containment, served by the GIN index), full-text search on searchable fields, one sort on a
 * sortable field with the id as tie-breaker, and keyset paging from a cursor so that deep pages cost
 * what the first one does.
 */
final class ListQuery {

    static final String CREATED = "created";

    private final StringBuilder where = new StringBuilder();
    private final Map<String, Object> parameters = new HashMap<>();
    private final Section section;
    /** The service's mapper, exact with decimals: a cursor carries a sort value as written. */
    private String sortExpression = "r.created_at";
    private String sortCast = "timestamptz";
    private boolean descending = true;
    private String sortField = CREATED;

    ListQuery(Section section, Viewer viewer) {
        this.section = section;
        where.append("r.section_code = :section and ").append(viewer.reachCondition(parameters));
        parameters.put("section", section.code());
    }

    void account(UUID accountId) {
        where.append(" and r.account_id = :filterAccount");
        parameters.put("filterAccount", accountId);
    }

    void status(String status) {
        where.append(" and r.status = :status");
        parameters.put("status", status);
    }

    void search(String text) {
        where.append(" and r.search @@ websearch_to_tsquery('simple', :q)");
        parameters.put("q", text);
    }

    /** Equality filters; every name must be a declared field, every value valid for its type. */
    void filters(Map<String, String> filters) {
        if (filters.isEmpty()) {
            return;
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        ObjectNode containment = JsonNodeFactory.instance.objectNode();
        filters.forEach((name, raw) -> {
            FieldDefinition field = section.field(name).orElse(null);
            if (field == null) {
                errors.add(new Problem.FieldError(name, "is not a field of section " + section.code()));
                return;
            }
            var value = switch (field.type()) {
                case NUMBER, MONEY -> parseNumber(raw);
                case BOOLEAN ->
                    "true".equals(raw) || "false".equals(raw) ? JsonNodeFactory.instance.booleanNode(Boolean.parseBoolean(raw))
                            : null;
                default -> JsonNodeFactory.instance.textNode(raw);
            };
            String problem = value == null ? "is not a valid " + field.type().code() : FieldValues.problem(field, value);
            if (problem != null) {
                errors.add(new Problem.FieldError(name, problem));
            } else {
                containment.set(name,
                        field.type() == FieldType.MONEY ? Decimals.EXACT_NODES.numberNode(value.decimalValue().setScale(2))
                                : value);
            }
        });
        if (!errors.isEmpty()) {
            throw new InvalidFields(errors);
        }
        where.append(" and r.data @> cast(:containment as jsonb)");
        parameters.put("containment", containment.toString());
    }

    /** {@code field} ascending, {@code -field} descending; {@code created} (newest first) by default. */
    void sort(String sort) {
        if (sort == null || sort.isBlank()) {
            return;
        }
        descending = sort.startsWith("-");
        String name = descending ? sort.substring(1) : sort;
        sortField = name;
        if (name.equals(CREATED)) {
            return;
        }
        FieldDefinition field = section.field(name).filter(FieldDefinition::isSortable).orElseThrow(() -> new InvalidFields(
                List.of(new Problem.FieldError("sort",
                        "'" + name + "' is not a sortable field of section " + section.code()))));
        sortExpression = field.sortExpression("r.");
        sortCast = field.type().numeric() ? "numeric" : "text";
    }

    /** Continues after the last record of the previous page. */
    void after(String cursor) {
        String[] parts = Cursors.decode(cursor, 3);
        try {
            if (!parts[0].equals(sortField + (descending ? "-" : "+"))) {
                throw new IllegalArgumentException();
            }
            parameters.put("afterId", UUID.fromString(parts[2]));
            parameters.put("afterValue", switch (sortCast) {
                case "timestamptz" -> java.sql.Timestamp.from(Instant.parse(parts[1]));
                case "numeric" -> numericCursorValue(parts[1]);
                default -> parts[1];
            });
        } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
            throw Cursors.invalid();
        }
        where.append(" and (").append(sortExpression).append(", r.id) ").append(descending ? "<" : ">")
                .append(" (cast(:afterValue as ").append(sortCast).append("), :afterId)");
    }

    List<RecordEntity> fetch(EntityManager em, int limit) {
        String direction = descending ? " desc" : " asc";
        String sql = "select r.* from records r where " + where + " order by " + sortExpression + direction + ", r.id"
                + direction + " limit :limit";
        Query query = em.createNativeQuery(sql, RecordEntity.class);
        parameters.forEach(query::setParameter);
        query.setParameter("limit", limit);
        @SuppressWarnings("unchecked")
        List<RecordEntity> rows = query.getResultList();
        return rows;
    }

    /** The cursor that continues after this record. */
    String cursorAfter(RecordEntity last) {
        String value;
        if (sortCast.equals("timestamptz")) {
            value = last.createdAt.toString();
        } else {
            var node = last.data.get(sortField);
            if (sortCast.equals("numeric")) {
                value = node == null || node.isNull() ? "-Infinity" : node.decimalValue().toPlainString();
            } else {
                value = node == null || node.isNull() ? "" : node.asText();
            }
        }
        return Cursors.encode(sortField + (descending ? "-" : "+"), value, last.id.toString());
    }

    private static com.fasterxml.jackson.databind.JsonNode parseNumber(String raw) {
        BigDecimal number = Decimals.parse(raw);
        return number == null ? null : JsonNodeFactory.instance.numberNode(number);
    }

    /** Records without the value sort as {@code -Infinity}, which PostgreSQL's numeric takes as text. */
    private static String numericCursorValue(String raw) {
        if (!raw.equals("-Infinity") && Decimals.parse(raw) == null) {
            throw new IllegalArgumentException("not a number within bounds");
        }
        return raw;
    }
}
