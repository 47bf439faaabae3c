package org.portal.sections.knowledge;

import java.util.List;

public record ArticlePage(List<ArticleView> items, int offset, int limit, long total) {
}
