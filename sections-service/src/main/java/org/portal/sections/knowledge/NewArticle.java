package org.portal.sections.knowledge;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** {@code language} decides how words are stemmed for search (english unless given). */
public record NewArticle(@NotBlank @Size(max = 300) String title, @NotBlank @Size(max = 100_000) String body,
        @Size(max = 20) List<@NotBlank @Size(max = 50) String> tags, boolean published,
        @Pattern(regexp = SearchLanguage.PATTERN) @Size(max = 20) String language) {
}
