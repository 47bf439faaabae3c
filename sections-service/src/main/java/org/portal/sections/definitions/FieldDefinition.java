package org.portal.sections.definitions;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.portal.sections.ApiNames;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * One field of a section: its name in the API, type and rules. {@code values} lists an
 * enumeration's values; {@code target} is the section a reference points into.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FieldDefinition(
        @NotBlank @Pattern(regexp = ApiNames.NAME) @Size(max = ApiNames.MAX_LENGTH) String name,
        @Size(max = 200) String label,
        @NotNull FieldType type,
        Boolean required,
        @Min(1) @Max(100_000) Integer maxLength,
        @JsonInclude(JsonInclude.Include.NON_NULL) JsonNode defaultValue,
        @Size(min = 1, max = 200) List<@NotBlank @Size(max = 100) String> values,
        @Pattern(regexp = ApiNames.CODE) @Size(max = ApiNames.MAX_LENGTH) String target,
        Boolean searchable,
        Boolean sortable) {

    public static final int TEXT_MAX = 255;
    public static final int LONG_TEXT_MAX = 20_000;

    public boolean isRequired() {
        return Boolean.TRUE.equals(required);
    }

    public boolean isSearchable() {
        return Boolean.TRUE.equals(searchable);
    }

    public boolean isSortable() {
        return Boolean.TRUE.equals(sortable);
    }

    /**
     * What a list sorted on this field orders by, and what the field's sort index is built on: one
     * expression for both, or the index would not serve the list. {@code qualifier} is the records
     * table's alias with its dot ({@code "r."}), or empty.
     */
    public String sortExpression(String qualifier) {
        // Field names match ApiNames.NAME ([a-z][a-z0-9-]*) when defined: safe as SQL text.
        return type.numeric()
                ? "coalesce(cast(" + qualifier + "data ->> '" + name + "' as numeric), '-Infinity')"
                : "coalesce(" + qualifier + "data ->> '" + name + "', '')";
    }

    public int effectiveMaxLength() {
        return maxLength != null ? maxLength : type == FieldType.LONG_TEXT ? LONG_TEXT_MAX : TEXT_MAX;
    }
}
