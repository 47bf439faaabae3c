package org.portal.sections.definitions;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.portal.problem.NotFound;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.panache.common.Sort;

/** Reads section definitions. */
@ApplicationScoped
public class Sections {

    private static final TypeReference<List<FieldDefinition>> FIELDS = new TypeReference<>() {
    };

    private final ObjectMapper json;

    public Sections(ObjectMapper json) {
        this.json = json;
    }

    @Transactional
    public Optional<Section> find(String code) {
        return SectionDefinition.<SectionDefinition> findByIdOptional(code).map(this::from);
    }

    @Transactional
    public Section require(String code) {
        return find(code).orElseThrow(() -> new NotFound("No section " + code));
    }

    @Transactional
    public List<Section> all() {
        return SectionDefinition.<SectionDefinition> listAll(Sort.by("custom").and("code")).stream().map(this::from).toList();
    }

    Section from(SectionDefinition d) {
        try {
            return new Section(d.code, d.title, d.module, d.custom, List.copyOf(d.editions), json.readValue(d.fields, FIELDS),
                    d.lifecycle == null ? null : json.readValue(d.lifecycle, Lifecycle.class), d.version);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("The stored definition of section " + d.code + " is unreadable", e);
        }
    }

    String write(Object definitionPart) {
        try {
            return json.writeValueAsString(definitionPart);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
