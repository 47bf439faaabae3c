package org.portal.problem;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;

import org.junit.jupiter.api.Test;

/** A refused write means something different to the caller depending on which rule refused it. */
class RefusedByDatabaseTest {

    /** As JDBC drivers and Hibernate report them: the SQLException some levels down. */
    private static RuntimeException refused(String sqlState) {
        return new RuntimeException("could not execute statement",
                new IllegalStateException(new SQLException("ERROR: refused", sqlState)));
    }

    @Test
    void aUniqueKeyClashIsAConflictToRetry() {
        assertEquals(409, ProblemExceptionMappers.refusedByDatabase(refused("23505")).orElseThrow().status());
    }

    @Test
    void aReferenceToARowThatIsGoneIsUnprocessable() {
        assertEquals(422, ProblemExceptionMappers.refusedByDatabase(refused("23503")).orElseThrow().status());
    }

    @Test
    void notNullAndCheckFailuresAreTheServicesFaultNotTheCallers() {
        assertTrue(ProblemExceptionMappers.refusedByDatabase(refused("23502")).isEmpty());
        assertTrue(ProblemExceptionMappers.refusedByDatabase(refused("23514")).isEmpty());
        assertTrue(ProblemExceptionMappers.refusedByDatabase(new IllegalStateException("no database")).isEmpty());
    }
}
