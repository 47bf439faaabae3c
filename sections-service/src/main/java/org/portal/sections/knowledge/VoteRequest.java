package org.portal.sections.knowledge;

import jakarta.validation.constraints.NotNull;

public record VoteRequest(@NotNull Boolean helpful) {
}
