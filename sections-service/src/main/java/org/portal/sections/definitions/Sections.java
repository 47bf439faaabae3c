package org.portal.sections.definitions;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.portal.problem.NotFound;

import io.quarkus.panache.common.Sort;

/** Reads section definitions. */
@ApplicationScoped
public class Sections {

    @Transactional
    public Optional<Section> find(String code) {
        return SectionDefinition.<SectionDefinition> findByIdOptional(code).map(Sections::from);
    }

    @Transactional
    public Section require(String code) {
        return find(code).orElseThrow(() -> new NotFound("No section " + code));
    }

    @Transactional
    public List<Section> all() {
        return SectionDefinition.<SectionDefinition> listAll(Sort.by("custom").and("code")).stream().map(Sections::from)
                .toList();
    }

    static Section from(SectionDefinition d) {
        return new Section(d.code, d.title, d.module, d.custom, List.copyOf(d.editions), List.copyOf(d.fields), d.lifecycle,
                d.takesFiles,
                d.version);
    }
}
