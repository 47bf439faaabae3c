package org.portal.sections.cases;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why the contact does not accept the resolution; the case goes back to the agents. */
public record ResolutionRejection(@NotBlank @Size(max = 2000) String comment) {
}
