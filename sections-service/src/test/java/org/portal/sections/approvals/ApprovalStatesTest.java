package org.portal.sections.approvals;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** The states and decisions the Java enums name are exactly those the tables' CHECK constraints allow. */
@QuarkusTest
class ApprovalStatesTest {

    @Inject
    EntityManager em;

    @Test
    void theEnumsAndTheCheckConstraintsNameTheSameValues() {
        assertEquals(names(ApprovalRequest.State.values()), allowed("approval_requests", "state"));
        assertEquals(names(ApprovalDecision.values()), allowed("approvals", "decision"));
    }

    private static Set<String> names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).collect(Collectors.toSet());
    }

    /** The quoted values of the column's {@code IN (...)} check, as PostgreSQL reports it. */
    private Set<String> allowed(String table, String column) {
        String definition = (String) em.createNativeQuery("""
                select pg_get_constraintdef(oid) from pg_constraint
                 where conrelid = cast(:table as regclass) and contype = 'c'
                   and pg_get_constraintdef(oid) like '%' || :column || '%= ANY%'""")
                .setParameter("table", table).setParameter("column", column).getSingleResult();
        Matcher quoted = Pattern.compile("'([a-z-]+)'::text").matcher(definition);
        return quoted.results().map(match -> match.group(1)).collect(Collectors.toSet());
    }
}
