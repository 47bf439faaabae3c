package org.portal.sections.knowledge;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import org.portal.audit.AuditTrail;
import org.portal.events.ChangeEvent;
import org.portal.problem.NotFound;
import org.portal.sections.records.PreconditionFailed;

import io.quarkus.cache.CacheResult;

@ApplicationScoped
public class KnowledgeBaseService {

    private final Event<ChangeEvent> changes;
    private final AuditTrail audit;

    public KnowledgeBaseService(Event<ChangeEvent> changes, AuditTrail audit) {
        this.changes = changes;
        this.audit = audit;
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
            throw new NotFound("No knowledge base article " + id);
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
        article.language = request.language() == null ? SearchLanguage.DEFAULT : request.language();
        article.createdBy = author;
        article.createdAt = Instant.now();
        article.updatedAt = article.createdAt;
        article.persist();
        keepVersion(article, author);
        changes.fire(ChangeEvent.knowledgeChanged());
        return article;
    }

    /**
     * Replaces the article's text if it is still at the version the agent read; the text before stays
     * readable as a version. Readers see the change at once (the caches drop on the change event).
     */
    @Transactional
    public Article change(UUID id, long readVersion, ArticleChange change, String author) {
        Article article = get(id, false);
        if (article.version != readVersion) {
            throw new PreconditionFailed(PreconditionFailed.STALE, "The article is at version " + article.version
                    + ", you sent If-Match for version " + readVersion);
        }
        Map<String, Object> before = text(article);
        article.title = change.title().strip();
        article.body = change.body();
        article.tags = change.tags() == null ? List.of() : change.tags().stream().map(String::strip).distinct().toList();
        article.language = change.language() == null ? article.language : change.language();
        article.updatedAt = Instant.now();
        keepVersion(article, author);
        audit.record("knowledge-article.changed", "knowledge-article", id, null, before, text(article));
        changes.fire(ChangeEvent.knowledgeChanged());
        return article;
    }

    /** Publishes or unpublishes the article: portal users find it, or no longer find it, at once. */
    @Transactional
    public Article publish(UUID id, boolean published) {
        Article article = get(id, false);
        if (article.published != published) {
            article.published = published;
            article.updatedAt = Instant.now();
            audit.record(published ? "knowledge-article.published" : "knowledge-article.unpublished", "knowledge-article",
                    id, null, Map.of("published", !published), Map.of("published", published));
            changes.fire(ChangeEvent.knowledgeChanged());
        }
        return article;
    }

    /** Removes the article with its versions, votes and feedback; the audit entry keeps what it was. */
    @Transactional
    public void delete(UUID id) {
        Article article = get(id, false);
        Map<String, Object> before = text(article);
        before.put("published", article.published);
        article.delete();
        audit.record("knowledge-article.deleted", "knowledge-article", id, null, before, null);
        changes.fire(ChangeEvent.knowledgeChanged());
    }

    /** Every version of the article's text, newest first. */
    public List<ArticleVersion> versions(UUID id) {
        get(id, false);
        return ArticleVersionEntity.<ArticleVersionEntity> find("articleId = ?1 order by version desc", id).stream()
                .map(ArticleVersion::from).toList();
    }

    /** Keeps the article's text under the version it gets when this transaction flushes. */
    private static void keepVersion(Article article, String author) {
        Article.getEntityManager().flush();
        ArticleVersionEntity version = new ArticleVersionEntity();
        version.articleId = article.id;
        version.version = article.version;
        version.title = article.title;
        version.body = article.body;
        version.tags = article.tags;
        version.language = article.language;
        version.writtenBy = author;
        version.writtenAt = article.updatedAt;
        version.persist();
    }

    private static Map<String, Object> text(Article article) {
        Map<String, Object> text = new LinkedHashMap<>();
        text.put("title", article.title);
        text.put("body", article.body);
        text.put("tags", article.tags);
        text.put("language", article.language);
        return text;
    }
}
