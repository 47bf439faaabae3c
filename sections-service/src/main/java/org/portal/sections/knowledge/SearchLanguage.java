package org.portal.sections.knowledge;

import java.util.Locale;
import java.util.Map;

/** The text search configurations articles can be written in, and which one a reader's language means. */
final class SearchLanguage {

    static final String PATTERN = "simple|english|german|french|spanish|italian|dutch|portuguese";
    static final String DEFAULT = "english";
    private static final Map<String, String> BY_TAG = Map.of("en", "english", "de", "german", "fr", "french", "es",
            "spanish", "it", "italian", "nl", "dutch", "pt", "portuguese");

    private SearchLanguage() {
    }

    /** The configuration for a BCP 47 tag ("de-CH" is German); English for none or one without articles. */
    static String of(String tag) {
        if (tag == null) {
            return DEFAULT;
        }
        return BY_TAG.getOrDefault(tag.split("-")[0].toLowerCase(Locale.ROOT), DEFAULT);
    }
}
