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

/** A custom section's definition; it starts from nothing, inheriting from no base section. A lifecycle is optional. */
public record CustomSectionRequest(
        @NotBlank @Pattern(regexp = ApiNames.CODE) @Size(max = ApiNames.MAX_LENGTH) String code,
        @NotBlank @Size(max = 200) String title,
        @NotEmpty @Size(max = 2) List<@NotNull @Size(max = 20) @Pattern(regexp = ApiNames.CODE) String> editions,
        @NotEmpty @Size(max = 100) List<@Valid @NotNull FieldDefinition> fields,
        @Valid Lifecycle lifecycle,
        @Schema(description = "Whether its records take attachments; false when left out") Boolean takesFiles) {
}
