package org.portal.sections.records;

import java.util.List;

/** One page of a list; {@code nextCursor} fetches the next one, and is absent on the last. */
public record RecordPage(List<RecordView> items, int limit, String nextCursor) {
}
