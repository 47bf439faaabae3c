package org.portal.sections.definitions;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.portal.problem.InvalidFields;
import org.portal.problem.Problem;
import org.portal.sections.ApiNames;

import com.fasterxml.jackson.databind.JsonNode;

/** The consistency rules of a field list, beyond what each field's annotations check. */
final class DefinitionRules {

    /** Names the engine gives records itself; no field may take them. */
    static final Set<String> RESERVED = Set.of("id", "status", "version", "account-id", "owner-user-id",
            "contact-user-id", "created-at", "updated-at", "created-by");

    private DefinitionRules() {
    }

    static void check(List<FieldDefinition> fields, Set<String> existingSections) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < fields.size(); i++) {
            FieldDefinition field = fields.get(i);
            String at = "fields[" + i + "]";
            if (!names.add(field.name())) {
                errors.add(new Problem.FieldError(at + ".name", "is used by another field"));
            }
            if (RESERVED.contains(field.name())) {
                errors.add(new Problem.FieldError(at + ".name", "is reserved by the engine"));
            } else if (ApiNames.LIST_PARAMETERS.contains(field.name())) {
                errors.add(new Problem.FieldError(at + ".name",
                        "is a parameter of the record list, so the field could never be filtered on"));
            }
            if (field.type() == FieldType.ENUMERATION && (field.values() == null || field.values().isEmpty())) {
                errors.add(new Problem.FieldError(at + ".values", "an enumeration needs its values"));
            }
            if (field.type() != FieldType.ENUMERATION && field.values() != null) {
                errors.add(new Problem.FieldError(at + ".values", "only an enumeration has values"));
            }
            if (field.type() == FieldType.REFERENCE && (field.target() == null || !existingSections.contains(field.target()))) {
                errors.add(new Problem.FieldError(at + ".target", "a reference needs an existing target section"));
            }
            if (field.maxLength() != null && !field.type().textual()) {
                errors.add(new Problem.FieldError(at + ".maxLength", "only text fields have a maximum length"));
            }
            if (field.isSortable() && field.type() == FieldType.LONG_TEXT) {
                errors.add(new Problem.FieldError(at + ".sortable", "long text cannot be sorted on"));
            }
            JsonNode defaultValue = field.defaultValue();
            if (defaultValue != null && !defaultValue.isNull() && FieldValues.problem(field, defaultValue) != null) {
                errors.add(new Problem.FieldError(at + ".defaultValue", FieldValues.problem(field, defaultValue)));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidFields(errors);
        }
    }
}
