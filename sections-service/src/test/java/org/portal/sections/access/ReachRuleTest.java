package org.portal.sections.access;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;

import org.junit.jupiter.api.Test;

import io.quarkus.test.TestTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The reach rule has a Java form (one record) and an SQL form (lists): over records of every
 * combination of account, creator and contact, both select the same records for every kind of viewer.
 */
@QuarkusTest
class ReachRuleTest {

    private record Row(UUID id, UUID account, UUID owner, UUID contact) {
    }

    @Inject
    EntityManager em;

    @Test
    @TestTransaction
    void theSqlFormSelectsExactlyWhatTheJavaFormReaches() {
        UUID account = UUID.randomUUID();
        UUID otherAccount = UUID.randomUUID();
        UUID me = UUID.randomUUID();
        UUID colleague = UUID.randomUUID();
        List<Row> rows = new ArrayList<>();
        for (UUID recordAccount : List.of(account, otherAccount)) {
            for (UUID owner : new UUID[] { me, colleague, null }) {
                for (UUID contact : new UUID[] { me, colleague, null }) {
                    Row row = new Row(UUID.randomUUID(), recordAccount, owner, contact);
                    rows.add(row);
                    em.createNativeQuery("""
                            insert into records (id, section_code, account_id, owner_user_id, contact_user_id, created_by, data,
                                                 created_at, updated_at)
                            values (:id, 'cases', :account, :owner, :contact, 'test', '{}', :now, :now)""")
                            .setParameter("id", row.id()).setParameter("account", row.account())
                            .setParameter("owner", row.owner()).setParameter("contact", row.contact())
                            .setParameter("now", Instant.now()).executeUpdate();
                }
            }
        }
        List<UUID> ids = rows.stream().map(Row::id).toList();

        for (Viewer viewer : List.of(Viewer.staff("agent", Set.of()), Viewer.portalUser("a", me, account, false),
                Viewer.portalUser("o", me, account, true), Viewer.portalUser("x", me, otherAccount, true))) {
            Set<UUID> inJava = new HashSet<>();
            rows.stream().filter(row -> viewer.reaches(row.account(), row.owner(), row.contact()))
                    .forEach(row -> inJava.add(row.id()));
            Map<String, Object> parameters = new HashMap<>();
            Query query = em.createNativeQuery("select r.id from records r where r.id in (:ids) and "
                    + viewer.reachCondition(parameters), UUID.class).setParameter("ids", ids);
            parameters.forEach(query::setParameter);
            @SuppressWarnings("unchecked")
            List<UUID> inSql = query.getResultList();
            assertEquals(inJava, new HashSet<>(inSql), "the two forms differ for " + viewer);
        }
    }
}
