package org.portal.sections.knowledge;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.portal.problem.NotFound;

import io.quarkus.cache.CacheResult;

/**
 * Full-text search over published articles, ranked (title above tags above body), with highlighted
 * snippets; views and helpful votes. A search is in one language: the query is stemmed as that
 * language's articles were ("printers" finds "printer" in English), and the constant query lets the
 * GIN index serve it.
 */
@ApplicationScoped
public class KnowledgeSearch {

    /** The search query: one text for the service and its benchmark (resources/knowledge/search.sql). */
    private static final String SEARCH = withoutComments("knowledge/search.sql");

    private final EntityManager em;
    private final Clock clock;

    public KnowledgeSearch(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    @Transactional
    public List<SearchHit> search(String text, String language, boolean publishedOnly, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(SEARCH)
                .setParameter("q", text).setParameter("language", language).setParameter("publishedOnly", publishedOnly)
                .setParameter("limit", limit)
                .getResultList();
        return rows.stream().map(r -> new SearchHit((UUID) r[0], (String) r[1], (String) r[2],
                r[3] == null || ((String) r[3]).isEmpty() ? List.of() : Arrays.asList(((String) r[3]).split("\u001f")),
                ((Number) r[4]).doubleValue(), ((Number) r[5]).longValue())).toList();
    }

    @Transactional
    /** The most read published articles; cached like the pages (see {@link KnowledgePages}). */
    @CacheResult(cacheName = KnowledgePages.POPULAR)
    public List<ArticleView> popular(int limit) {
        return Article.<Article> find("published = true",
                io.quarkus.panache.common.Sort.by("views").descending().and("id")).range(0, limit - 1)
                .stream().map(ArticleView::from).toList();
    }

    /** Counts a reading of a published article. */
    @Transactional
    public void viewed(UUID id) {
        em.createNativeQuery("update knowledge_articles set views = views + 1 where id = :id and published")
                .setParameter("id", id).executeUpdate();
    }

    /**
     * One vote per reader and article: voting again changes the reader's vote, never adds one. A "not
     * helpful" with a comment also opens a feedback task for the agents ({@link KnowledgeFeedback}).
     */
    @Transactional
    public Votes vote(UUID articleId, String subject, VoteRequest vote, boolean publishedOnly) {
        Article article = Article.findById(articleId);
        if (article == null || (publishedOnly && !article.published)) {
            throw new NotFound("No knowledge base article " + articleId);
        }
        String comment = vote.comment() == null || vote.comment().isBlank() ? null : vote.comment().strip();
        Timestamp now = Timestamp.from(clock.instant());
        em.createNativeQuery("""
                insert into article_votes (article_id, subject, helpful, voted_at, comment) values (:a, :s, :h, :at, :c)
                on conflict (article_id, subject) do update
                set helpful = excluded.helpful, voted_at = excluded.voted_at, comment = excluded.comment""")
                .setParameter("a", articleId).setParameter("s", subject).setParameter("h", vote.helpful())
                .setParameter("at", now).setParameter("c", comment).executeUpdate();
        if (!vote.helpful() && comment != null) {
            FeedbackEntity task = new FeedbackEntity();
            task.id = UUID.randomUUID();
            task.articleId = articleId;
            task.subject = subject;
            task.comment = comment;
            task.createdAt = now.toInstant();
            task.persist();
        }
        return votes(articleId);
    }

    @Transactional
    public Votes votes(UUID articleId) {
        Object[] counts = (Object[]) em.createNativeQuery("""
                select count(*) filter (where helpful), count(*) filter (where not helpful)
                from article_votes where article_id = :a""").setParameter("a", articleId).getSingleResult();
        return new Votes(articleId, ((Number) counts[0]).longValue(), ((Number) counts[1]).longValue());
    }

    private static String withoutComments(String resource) {
        try (InputStream in = KnowledgeSearch.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the service's resources");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().filter(line -> !line.startsWith("--"))
                    .collect(Collectors.joining("\n"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
