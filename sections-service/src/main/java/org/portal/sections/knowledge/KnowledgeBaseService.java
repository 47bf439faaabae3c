package org.portal.sections.knowledge;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import org.portal.events.ChangeEvent;

import io.quarkus.cache.CacheResult;

@ApplicationScoped
public class KnowledgeBaseService {

    private final Event<ChangeEvent> changes;

    public KnowledgeBaseService(Event<ChangeEvent> changes) {
        this.changes = changes;
    }

    /**
     * A page of articles, newest first, and how many there are, in one query: the total rides on each
     * row as a window count. Only a page past the end asks for the count on its own. Reads run without
     * a transaction: no BEGIN and COMMIT round trips around them. Pages are shared by every reader and
     * cached (see {@link KnowledgePages}).
     */
    @CacheResult(cacheName = KnowledgePages.PAGES)
    public ArticlePage list(boolean publishedOnly, int offset, int limit) {
        List<Object[]> rows = Article.getEntityManager()
                .createQuery("select a, count(*) over () from Article a" + (publishedOnly ? " where a.published = true" : "")
                        + " order by a.createdAt desc, a.id", Object[].class)
                .setFirstResult(offset).setMaxResults(limit).getResultList();
        List<ArticleView> items = rows.stream().map(row -> ArticleView.from((Article) row[0])).toList();
        long total = rows.isEmpty() ? (publishedOnly ? Article.count("published", true) : Article.count())
                : ((Number) rows.get(0)[1]).longValue();
        return new ArticlePage(items, offset, limit, total);
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
        changes.fire(ChangeEvent.knowledgeChanged());
        return article;
    }
}
