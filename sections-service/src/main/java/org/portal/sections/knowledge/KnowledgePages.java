package org.portal.sections.knowledge;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import org.portal.events.ChangeEvent;
import org.portal.events.ReceivedChange;

import io.quarkus.cache.Cache;
import io.quarkus.cache.CacheName;

/**
 * The knowledge base pages and popular lists every reader shares, kept in memory: the list is the
 * portal's most read answer, and without the cache each call cost a database round trip for the same
 * rows. A change to an article drops them on this replica once it is committed and on every other
 * through the knowledge-changed event. Views move without an event, so counts in a cached answer lag
 * by at most the caches' expiry (application.properties), which also bounds a lost event.
 */
@ApplicationScoped
public class KnowledgePages {

    static final String PAGES = "knowledge-pages";
    static final String POPULAR = "knowledge-popular";

    private final Cache pages;
    private final Cache popular;

    public KnowledgePages(@CacheName(PAGES) Cache pages, @CacheName(POPULAR) Cache popular) {
        this.pages = pages;
        this.popular = popular;
    }

    void changedHere(@Observes(during = TransactionPhase.AFTER_SUCCESS) ChangeEvent event) {
        if (event.kind() == ChangeEvent.Kind.KNOWLEDGE_CHANGED) {
            drop();
        }
    }

    void changedElsewhere(@Observes ReceivedChange change) {
        if (change.event().kind() == ChangeEvent.Kind.KNOWLEDGE_CHANGED) {
            drop();
        }
    }

    private void drop() {
        pages.invalidateAll().await().indefinitely();
        popular.invalidateAll().await().indefinitely();
    }
}
