package org.portal.sections.knowledge;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class KnowledgeBaseService {

    private static final Sort NEWEST_FIRST = Sort.by("createdAt").descending().and("id");

    /** Reads run without a transaction: no BEGIN and COMMIT round trips around the page and its count. */
    public ArticlePage list(boolean publishedOnly, int offset, int limit) {
        var query = publishedOnly ? Article.<Article>find("published", NEWEST_FIRST, true) : Article.<Article>findAll(NEWEST_FIRST);
        List<ArticleView> items = query.range(offset, offset + limit - 1).list().stream().map(ArticleView::from).toList();
        return new ArticlePage(items, offset, limit, query.count());
    }

    public Article get(UUID id, boolean publishedOnly) {
        Article article = Article.findById(id);
        if (article == null || (publishedOnly && !article.published)) {
            throw new org.portal.problem.NotFound("No knowledge base article " + id);
        }
        return article;
    }

    @Transactional
    public Article write(NewArticle request, String author) {
        Article article = new Article();
        article.id = UUID.randomUUID();
        article.title = request.title().strip();
        article.body = request.body();
        article.tags = request.tags() == null ? List.of() : request.tags().stream().map(String::strip).distinct().toList();
        article.published = request.published();
        article.language = request.language() == null ? "english" : request.language();
        article.createdBy = author;
        article.createdAt = Instant.now();
        article.updatedAt = article.createdAt;
        article.persist();
        return article;
    }
}
