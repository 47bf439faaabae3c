package org.portal.sections.cases;

import java.util.List;

/** Comments oldest first; {@code nextCursor} fetches the next page and is absent on the last. */
public record CommentPage(List<CommentView> items, int limit, String nextCursor) {
}
