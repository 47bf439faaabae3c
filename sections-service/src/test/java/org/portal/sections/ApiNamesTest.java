package org.portal.sections;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The stated length and the patterns must agree: the longest name each pattern takes is MAX_LENGTH. */
class ApiNamesTest {

    @Test
    void theLengthIsThePatternsLongestName() {
        for (String pattern : new String[] { ApiNames.NAME, ApiNames.CODE }) {
            assertTrue(("a".repeat(ApiNames.MAX_LENGTH)).matches(pattern), pattern);
            assertFalse(("a".repeat(ApiNames.MAX_LENGTH + 1)).matches(pattern), pattern);
        }
    }
}
