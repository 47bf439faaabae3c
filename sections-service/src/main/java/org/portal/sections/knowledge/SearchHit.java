package org.portal.sections.knowledge;

import java.util.List;
import java.util.UUID;

/** An article found by search: its rank, and a snippet with the matched words in {@code <mark>}. */
public record SearchHit(UUID id, String title, String snippet, List<String> tags, double rank, long views) {
}
