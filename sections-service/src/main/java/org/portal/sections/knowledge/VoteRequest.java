package org.portal.sections.knowledge;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A reader's vote; a "not helpful" with a comment becomes a task for the agents. */
public record VoteRequest(@NotNull Boolean helpful, @Size(max = 2000) String comment) {
}
