package org.portal.sections.mainpage;

import java.util.List;
import java.util.UUID;

import org.portal.sections.knowledge.ArticleView;

/** An article as a main page lists it: enough to link to it. */
public record ArticleSummary(UUID id, String title, List<String> tags, String language, long views) {

    static ArticleSummary from(ArticleView a) {
        return new ArticleSummary(a.id(), a.title(), a.tags(), a.language(), a.views());
    }
}
