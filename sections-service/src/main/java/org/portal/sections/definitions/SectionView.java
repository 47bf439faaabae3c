package org.portal.sections.definitions;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A section as front ends and administrators see it: enough to draw its forms and lists. */
public record SectionView(String code, String title, String module, boolean custom, List<String> editions,
        List<FieldDefinition> fields, @JsonInclude(JsonInclude.Include.NON_NULL) Lifecycle lifecycle,
        @Schema(description = "Whether its records take attachments") boolean takesFiles, long version) {

    public static SectionView from(Section s) {
        return new SectionView(s.code(), s.title(), s.module(), s.custom(), s.editions(), s.fields(), s.lifecycle(),
                s.takesFiles(),
                s.version());
    }
}
