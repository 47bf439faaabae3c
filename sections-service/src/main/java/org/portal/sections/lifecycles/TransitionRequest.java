package org.portal.sections.lifecycles;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** The state to move a record to. */
public record TransitionRequest(@NotBlank @Pattern(regexp = Lifecycle.NAME) String to) {
}
