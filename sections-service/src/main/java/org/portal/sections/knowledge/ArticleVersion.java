package org.portal.sections.knowledge;

import java.time.Instant;
import java.util.List;

/** An article's text at one version, who wrote it and when. */
public record ArticleVersion(long version, String title, String body, List<String> tags, String language, String writtenBy,
        Instant writtenAt) {

    static ArticleVersion from(ArticleVersionEntity entity) {
        return new ArticleVersion(entity.version, entity.title, entity.body, entity.tags, entity.language, entity.writtenBy,
                entity.writtenAt);
    }
}
