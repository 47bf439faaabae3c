package org.portal.sections.knowledge;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.portal.problem.NotFound;

/** The agents' tasks from readers' "not helpful" comments (opened by {@link KnowledgeSearch#vote}). */
@ApplicationScoped
public class KnowledgeFeedback {

    private final EntityManager em;
    private final Clock clock;

    public KnowledgeFeedback(EntityManager em, Clock clock) {
        this.em = em;
        this.clock = clock;
    }

    /** Open tasks (or done ones), newest first. */
    @Transactional
    public List<FeedbackTask> list(boolean done, int offset, int limit) {
        return em.createQuery("select f, a.title from FeedbackEntity f, Article a where a.id = f.articleId and f.doneAt is "
                + (done ? "not null" : "null") + " order by f.createdAt desc, f.id", Object[].class)
                .setFirstResult(offset).setMaxResults(limit).getResultStream()
                .map(row -> task((FeedbackEntity) row[0], (String) row[1])).toList();
    }

    /** Marks the task done; marking it again keeps who did it first. */
    @Transactional
    public FeedbackTask done(UUID id, String agent) {
        FeedbackEntity task = em.find(FeedbackEntity.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (task == null) {
            throw new NotFound("No knowledge base feedback " + id);
        }
        if (task.doneAt == null) {
            task.doneAt = clock.instant();
            task.doneBy = agent;
        }
        return task(task, em.find(Article.class, task.articleId).title);
    }

    private static FeedbackTask task(FeedbackEntity f, String articleTitle) {
        return new FeedbackTask(f.id, f.articleId, articleTitle, f.subject, f.comment, f.createdAt, f.doneAt, f.doneBy);
    }
}
