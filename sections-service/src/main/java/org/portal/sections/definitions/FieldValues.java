package org.portal.sections.definitions;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.portal.problem.InvalidFields;
import org.portal.problem.Problem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Checks record values against their section's definition, and puts them in their stored form. */
public final class FieldValues {

    public enum Mode {
        /** A new record: defaults fill what is missing. */
        CREATE,
        /** Every field given anew: what is missing is gone. */
        REPLACE,
        /** A JSON merge patch: given fields change, null removes one. */
        PATCH
    }

    /** Keeps amounts as given (12.50 stays 12.50); the default factory would strip the zeros. */

    private FieldValues() {
    }

    /** What is wrong with a value for a field, or null when nothing is. */
    public static String problem(FieldDefinition field, JsonNode value) {
        return switch (field.type()) {
            case TEXT, LONG_TEXT -> !value.isTextual() ? "must be text"
                    : value.asText().length() > field.effectiveMaxLength()
                            ? "is longer than " + field.effectiveMaxLength() + " characters"
                            : null;
            case NUMBER -> value.isNumber() ? Decimals.problem(value.decimalValue()) : "must be a number";
            case MONEY -> !value.isNumber() || value.decimalValue().stripTrailingZeros().scale() > 2
                    ? "must be an amount with at most 2 decimal places"
                    : Decimals.problem(value.decimalValue());
            case DATE -> value.isTextual() && parses(() -> LocalDate.parse(value.asText())) ? null
                    : "must be a date (YYYY-MM-DD)";
            case DATE_TIME -> value.isTextual() && parses(() -> OffsetDateTime.parse(value.asText())) ? null
                    : "must be a date and time with its offset (ISO 8601)";
            case BOOLEAN -> value.isBoolean() ? null : "must be true or false";
            case ENUMERATION -> value.isTextual() && field.values().contains(value.asText()) ? null
                    : "must be one of " + String.join(", ", field.values());
            case REFERENCE -> value.isTextual() && parses(() -> UUID.fromString(value.asText())) ? null
                    : "must be the id of a " + field.target() + " record";
        };
    }

    /**
     * The record's values after this input, checked field by field: unknown fields, wrong types, too
     * long values and missing required fields are all reported at once, and nothing is applied.
     */
    public static ObjectNode apply(Section section, ObjectNode current, Map<String, JsonNode> input, Mode mode) {
        List<Problem.FieldError> errors = new ArrayList<>();
        ObjectNode result = mode == Mode.PATCH ? current.deepCopy() : JsonNodeFactory.instance.objectNode();
        Map<String, FieldDefinition> fields = section.byName();
        for (Map.Entry<String, JsonNode> entry : input.entrySet()) {
            FieldDefinition field = fields.get(entry.getKey());
            if (field == null) {
                errors.add(new Problem.FieldError("values." + entry.getKey(), "is not a field of section " + section.code()));
                continue;
            }
            JsonNode value = entry.getValue();
            if (value == null || value.isNull()) {
                result.remove(field.name());
                continue;
            }
            String problem = problem(field, value);
            if (problem != null) {
                errors.add(new Problem.FieldError("values." + field.name(), problem));
            } else {
                result.set(field.name(), stored(field, value));
            }
        }
        if (mode == Mode.CREATE) {
            for (FieldDefinition field : section.fields()) {
                if (!result.has(field.name()) && field.defaultValue() != null && !field.defaultValue().isNull()
                        && !input.containsKey(field.name())) {
                    result.set(field.name(), stored(field, field.defaultValue()));
                }
            }
        }
        for (FieldDefinition field : section.fields()) {
            if (field.isRequired() && !result.has(field.name())
                    && errors.stream().noneMatch(e -> e.field().equals("values." + field.name()))) {
                errors.add(new Problem.FieldError("values." + field.name(), "is required"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidFields(errors);
        }
        return result;
    }

    /** The text of the searchable fields, for full-text search. */
    public static String searchText(Section section, ObjectNode values) {
        StringBuilder text = new StringBuilder();
        for (FieldDefinition field : section.fields()) {
            JsonNode value = values.get(field.name());
            if (field.isSearchable() && value != null && value.isValueNode()) {
                text.append(value.asText()).append('\n');
            }
        }
        return text.toString();
    }

    /** Fields whose values differ between two versions: name -> {from, to}. */
    public static ObjectNode changes(ObjectNode before, ObjectNode after) {
        ObjectNode changes = JsonNodeFactory.instance.objectNode();
        java.util.Set<String> names = new java.util.TreeSet<>();
        before.fieldNames().forEachRemaining(names::add);
        after.fieldNames().forEachRemaining(names::add);
        for (String name : names) {
            JsonNode from = before.get(name);
            JsonNode to = after.get(name);
            if (from == null ? to != null : !from.equals(to)) {
                ObjectNode change = changes.putObject(name);
                change.set("from", from == null ? JsonNodeFactory.instance.nullNode() : from);
                change.set("to", to == null ? JsonNodeFactory.instance.nullNode() : to);
            }
        }
        return changes;
    }

    private static JsonNode stored(FieldDefinition field, JsonNode value) {
        if (field.type() == FieldType.DATE_TIME) {
            return JsonNodeFactory.instance
                    .textNode(OffsetDateTime.parse(value.asText()).withOffsetSameInstant(ZoneOffset.UTC).toString());
        }
        if (field.type() == FieldType.MONEY) {
            return Decimals.EXACT_NODES.numberNode(value.decimalValue().setScale(2));
        }
        return value;
    }

    private static boolean parses(Runnable parse) {
        try {
            parse.run();
            return true;
        } catch (DateTimeParseException | IllegalArgumentException e) {
            return false;
        }
    }
}
