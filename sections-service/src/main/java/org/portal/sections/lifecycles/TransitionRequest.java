package org.portal.sections.lifecycles;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.portal.sections.ApiNames;

/** The state to move a record to. */
public record TransitionRequest(@NotBlank @Pattern(regexp = ApiNames.NAME) @Size(max = ApiNames.MAX_LENGTH) String to) {
}
