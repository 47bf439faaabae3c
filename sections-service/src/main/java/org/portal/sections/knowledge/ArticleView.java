package org.portal.sections.knowledge;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

public record ArticleView(UUID id, String title, String body, List<String> tags, boolean published, String language,
        long views, Instant createdAt, Instant updatedAt, long version) {

    public static ArticleView from(Article article) {
        return new ArticleView(article.id, article.title, article.body, article.tags, article.published, article.language,
                article.views, article.createdAt, article.updatedAt, article.version);
    }
}
