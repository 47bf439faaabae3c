package org.portal.sections.knowledge;

import java.util.UUID;

/** How many readers found an article helpful, and how many did not. */
public record Votes(UUID articleId, long helpful, long notHelpful) {
}
