package org.portal.sections.definitions;

import java.util.Arrays;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

public enum FieldType {
    TEXT("text"),
    LONG_TEXT("long-text"),
    NUMBER("number"),
    MONEY("money"),
    DATE("date"),
    DATE_TIME("date-time"),
    BOOLEAN("boolean"),
    ENUMERATION("enumeration"),
    REFERENCE("reference");

    private final String code;

    FieldType(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    @JsonCreator
    public static FieldType of(String code) {
        return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown field type " + code));
    }

    /** Sorted as numbers rather than as text. */
    public boolean numeric() {
        return this == NUMBER || this == MONEY;
    }

    public boolean textual() {
        return this == TEXT || this == LONG_TEXT;
    }
}
