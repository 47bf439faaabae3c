package org.portal.sections.definitions;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.portal.sections.ApiNames;
import java.util.List;

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

    public int effectiveMaxLength() {
        return maxLength != null ? maxLength : type == FieldType.LONG_TEXT ? LONG_TEXT_MAX : TEXT_MAX;
    }
}
