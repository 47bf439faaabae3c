package org.portal.sections.cases;

import java.time.Instant;
import java.util.UUID;

public record RatingView(UUID caseId, UUID accountId, UUID userId, int rating, String comment, Instant ratedAt) {
}
