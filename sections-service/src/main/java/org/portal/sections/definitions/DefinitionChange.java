package org.portal.sections.definitions;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.portal.sections.ApiNames;

/**
 * A new version of a section's definition: title, fields, and for custom sections their editions.
 * Fields that hold data may only be removed or retyped with {@code force}. A lifecycle, when sent,
 * replaces the current one (none sent keeps it); states that records are in cannot go.
 */
public record DefinitionChange(
        @NotBlank @Size(max = 200) String title,
        @Size(max = 2) List<@NotNull @Size(max = 20) @Pattern(regexp = ApiNames.CODE) String> editions,
        @NotEmpty @Size(max = 100) List<@Valid @NotNull FieldDefinition> fields,
        @Valid Lifecycle lifecycle,
        @Schema(description = "Whether its records take attachments; left out keeps the current setting") Boolean takesFiles) {
}
