package org.portal.sections.definitions;

import java.math.BigDecimal;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * The numbers a number or money field takes: at most {@value #MAX_INTEGER_DIGITS} digits before the
 * decimal point and {@value #MAX_FRACTION_DIGITS} after it. Checked on the number as written
 * ({@code 1e50000000} is one digit and an exponent), before anything expands it to its digits. And
 * the one JSON setting that keeps them exact, for the service's mapper and every node it builds.
 */
public final class Decimals {

    /** JSON numbers as BigDecimal with every digit they were written with, trailing zeros included. */
    public static final JsonNodeFactory EXACT_NODES = JsonNodeFactory.withExactBigDecimals(true);

    static final int MAX_INTEGER_DIGITS = 18;
    static final int MAX_FRACTION_DIGITS = 10;
    /** Longer text is refused unread: no number within the bounds needs more. */
    private static final int MAX_TEXT_LENGTH = 64;

    private Decimals() {
    }

    /** Makes a mapper read and build numbers exactly (the service's own mapper: config/JsonConfig). */
    public static ObjectMapper exact(ObjectMapper mapper) {
        return mapper.enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).setNodeFactory(EXACT_NODES);
    }

    /** What is wrong with the size of a number, or null when nothing is. */
    public static String problem(BigDecimal number) {
        BigDecimal digits = number.stripTrailingZeros();
        if (digits.precision() - digits.scale() > MAX_INTEGER_DIGITS) {
            return "must have at most " + MAX_INTEGER_DIGITS + " digits before the decimal point";
        }
        if (digits.scale() > MAX_FRACTION_DIGITS) {
            return "must have at most " + MAX_FRACTION_DIGITS + " decimal places";
        }
        return null;
    }

    /** A number from text (a query value, a cursor), or null when it is none or out of bounds. */
    public static BigDecimal parse(String text) {
        if (text.length() > MAX_TEXT_LENGTH) {
            return null;
        }
        try {
            BigDecimal number = new BigDecimal(text);
            return problem(number) == null ? number : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
