package org.portal.sections.mainpage;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * One block of the main page. {@code type} says which; each type takes some of the settings (one flat
 * shape rather than a type hierarchy, so that clients generated from the API document stay simple):
 * announcement (title, text), knowledge-search (title, placeholder), popular-articles,
 * my-open-cases and my-pending-approvals (title, limit), links (title, links).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@WidgetSettings
public record Widget(@NotNull Type type, @Size(max = 200) String title, @Size(max = 5000) String text,
        @Size(max = 200) String placeholder, @Min(1) @Max(20) Integer limit,
        @Size(max = 20) List<@Valid @NotNull Link> links) {

    public static final int DEFAULT_LIMIT = 5;

    @Schema(name = "WidgetType")
    public enum Type {
        ANNOUNCEMENT("announcement", "text"),
        KNOWLEDGE_SEARCH("knowledge-search", "placeholder"),
        POPULAR_ARTICLES("popular-articles", "limit"),
        MY_OPEN_CASES("my-open-cases", "limit"),
        MY_PENDING_APPROVALS("my-pending-approvals", "limit"),
        LINKS("links", "links");

        private final String code;
        private final String setting;

        Type(String code, String setting) {
            this.code = code;
            this.setting = setting;
        }

        @JsonValue
        public String code() {
            return code;
        }
    }

    @Schema(name = "WidgetLink")
    public record Link(@NotBlank @Size(max = 100) String label,
            @NotBlank @Size(max = 2000) @Pattern(regexp = "(https?://|/)\\S+", message = "must be an http(s) URL or a path") String url) {
    }

    /** The section a portal user must be granted for the widget to show on their page, if any. */
    public Optional<String> section() {
        return switch (type) {
            case KNOWLEDGE_SEARCH, POPULAR_ARTICLES -> Optional.of("knowledge-base");
            case MY_OPEN_CASES -> Optional.of("cases");
            default -> Optional.empty();
        };
    }

    public int effectiveLimit() {
        return limit == null ? DEFAULT_LIMIT : limit;
    }

    /** A setting at fault, and why. */
    record SettingProblem(String setting, String message) {
    }

    /** Settings this type does not take, and the one it needs but lacks (an announcement's text, a links widget's links). */
    List<SettingProblem> problems() {
        List<SettingProblem> problems = new ArrayList<>();
        Map<String, Object> given = new TreeMap<>();
        given.put("text", text);
        given.put("placeholder", placeholder);
        given.put("limit", limit);
        given.put("links", links);
        given.forEach((setting, value) -> {
            if (value != null && type != null && !setting.equals(type.setting)) {
                problems.add(new SettingProblem(setting, "is not a setting of a " + type.code + " widget"));
            }
        });
        if (type == Type.ANNOUNCEMENT && (text == null || text.isBlank())) {
            problems.add(new SettingProblem("text", "an announcement needs its text"));
        }
        if (type == Type.LINKS && (links == null || links.isEmpty())) {
            problems.add(new SettingProblem("links", "a links widget needs at least one link"));
        }
        return problems;
    }
}
