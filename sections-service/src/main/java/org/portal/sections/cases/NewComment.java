package org.portal.sections.cases;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A comment on a case; {@code internal} makes it a note between staff that portal users never see. */
public record NewComment(@NotBlank @Size(max = 10_000) String body, boolean internal) {
}
