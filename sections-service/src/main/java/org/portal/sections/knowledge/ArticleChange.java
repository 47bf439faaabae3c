package org.portal.sections.knowledge;

import java.util.List;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** An article's new text; the language stays as it was unless given. */
public record ArticleChange(@NotBlank @Size(max = 300) String title, @NotBlank @Size(max = 100_000) String body,
        @Size(max = 20) List<@NotBlank @Size(max = 50) String> tags,
        @Pattern(regexp = SearchLanguage.PATTERN) @Size(max = 20) String language) {
}
