package org.portal.sections.cases;

import java.time.Instant;
import java.util.UUID;

public record RejectionView(UUID userId, String comment, Instant rejectedAt) {
}
