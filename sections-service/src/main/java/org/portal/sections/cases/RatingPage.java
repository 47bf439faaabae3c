package org.portal.sections.cases;

import java.util.List;

/** Ratings newest first; {@code nextCursor} continues the list. */
public record RatingPage(List<RatingView> items, int limit, String nextCursor) {
}
