package org.portal.sections.definitions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** A section definition as the engine uses it: its fields parsed and indexed by name; {@code lifecycle} may be null. */
public record Section(String code, String title, String module, boolean custom, List<String> editions,
        List<FieldDefinition> fields, Lifecycle lifecycle, boolean takesFiles, long version) {

    public Optional<FieldDefinition> field(String name) {
        return Optional.ofNullable(byName().get(name));
    }

    /** Whether a record in this state keeps its values as they are (a closed case, an order awaiting approval). */
    public boolean locked(String status) {
        return lifecycle != null && lifecycle.locked(status);
    }

    /**
     * The columns a list of this section can show, which a portal user's list-column preference may
     * name: the record's own properties (its state only with a lifecycle) and the section's fields.
     */
    public List<String> listColumns() {
        List<String> columns = new ArrayList<>(lifecycle == null ? List.of() : List.of("status", "statusChangedAt"));
        columns.addAll(List.of("createdAt", "updatedAt"));
        fields.forEach(field -> columns.add(field.name()));
        return columns;
    }

    public Map<String, FieldDefinition> byName() {
        return fields.stream().collect(Collectors.toMap(FieldDefinition::name, Function.identity()));
    }
}
