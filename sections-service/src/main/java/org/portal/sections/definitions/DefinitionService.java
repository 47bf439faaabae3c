package org.portal.sections.definitions;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.portal.audit.AuditTrail;
import org.portal.events.ChangeEvent;
import org.portal.problem.Conflict;
import org.portal.problem.InvalidFields;
import org.portal.problem.Problem;
import org.portal.problem.ProblemException;
import org.portal.problem.ProblemType;

import io.quarkus.runtime.StartupEvent;

@ApplicationScoped
public class DefinitionService {

    public static final ProblemType LIMIT_REACHED = new ProblemType("custom-section-limit",
            "Custom-section limit reached", 409);
    public static final ProblemType FIELD_HOLDS_DATA = new ProblemType("field-holds-data",
            "A field that holds data would be removed or retyped", 409);
    public static final ProblemType STATE_HOLDS_RECORDS = new ProblemType("state-holds-records",
            "Records are in a state that would be removed", 409);

    private final Sections sections;
    private final Licensing limits;
    private final SortIndexes sortIndexes;
    private final EntityManager em;
    private final Event<ChangeEvent> changes;
    private final Clock clock;
    private final AuditTrail audit;

    public DefinitionService(Sections sections, Licensing limits, SortIndexes sortIndexes, EntityManager em,
            Event<ChangeEvent> changes, Clock clock, AuditTrail audit) {
        this.audit = audit;
        this.sections = sections;
        this.limits = limits;
        this.sortIndexes = sortIndexes;
        this.em = em;
        this.changes = changes;
        this.clock = clock;
    }

    /** The base sections' sort indexes, for databases migrated before an index was added. */
    @Transactional
    void baseIndexes(@Observes StartupEvent startup) {
        sections.all().forEach(sortIndexes::ensure);
    }

    /**
     * Defines a custom section, within each of its editions' limit from the licensing catalogue. One
     * creation at a time holds the advisory lock, so two administrators cannot both add the last one.
     */
    @Transactional
    public Section createCustom(CustomSectionRequest request) {
        em.createNativeQuery("select pg_advisory_xact_lock(hashtext('custom-sections'))").getSingleResult();
        if (SectionDefinition.findById(request.code()) != null) {
            throw new Conflict("A section with code " + request.code() + " exists already");
        }
        DefinitionRules.check(request.fields(), knownCodes(request.code()));
        if (request.lifecycle() != null) {
            LifecycleRules.check(request.lifecycle());
        }
        checkLimits(request.code(), request.editions());
        SectionDefinition definition = new SectionDefinition();
        definition.code = request.code();
        definition.title = request.title().strip();
        definition.module = "custom";
        definition.custom = true;
        definition.editions = request.editions().stream().distinct().sorted().toList();
        definition.fields = List.copyOf(request.fields());
        definition.lifecycle = request.lifecycle();
        definition.takesFiles = Boolean.TRUE.equals(request.takesFiles());
        definition.createdAt = Instant.now(clock);
        definition.updatedAt = definition.createdAt;
        definition.persist();
        em.flush();
        Section section = Sections.from(definition);
        sortIndexes.ensure(section);
        audit.record("section.created", "section", section.code(), null, null, section);
        changes.fire(ChangeEvent.sectionsChanged(section.code()));
        return section;
    }

    /**
     * Changes a definition. Adding fields is always safe; removing or retyping a field that holds
     * data is refused unless forced, and when forced the field's values are taken out of the records
     * (recorded in their history), so no record keeps a value its definition no longer allows.
     */
    @Transactional
    public Section change(String code, DefinitionChange change, boolean force) {
        SectionDefinition definition = SectionDefinition.findById(code, LockModeType.PESSIMISTIC_WRITE);
        if (definition == null) {
            throw new org.portal.problem.NotFound("No section " + code);
        }
        Section current = Sections.from(definition);
        DefinitionRules.check(change.fields(), knownCodes(code));
        if (change.lifecycle() != null) {
            LifecycleRules.check(change.lifecycle());
        }
        if (current.custom() && change.editions() != null) {
            em.createNativeQuery("select pg_advisory_xact_lock(hashtext('custom-sections'))").getSingleResult();
            checkLimits(code, change.editions());
            definition.editions = change.editions().stream().distinct().sorted().toList();
        } else if (!current.custom() && change.editions() != null && !change.editions().isEmpty()) {
            throw new ProblemException(org.portal.problem.CommonProblems.UNPROCESSABLE,
                    "A base section's editions come from the licensing catalogue, not from its definition");
        }
        Map<String, FieldDefinition> next = change.fields().stream().collect(Collectors.toMap(FieldDefinition::name, f -> f));
        List<String> dropped = new ArrayList<>();
        for (FieldDefinition field : current.fields()) {
            FieldDefinition replacement = next.get(field.name());
            boolean removedOrRetyped = replacement == null || replacement.type() != field.type()
                    || (replacement.type() == FieldType.ENUMERATION && !replacement.values().containsAll(field.values()));
            if (removedOrRetyped && holdsData(code, field.name())) {
                dropped.add(field.name());
            }
        }
        if (!dropped.isEmpty() && !force) {
            throw new ProblemException(FIELD_HOLDS_DATA, "Records of " + code + " hold values of " + String.join(", ", dropped)
                    + "; removing or retyping them would lose those values. Send force=true to remove the values");
        }
        for (String field : dropped) {
            removeValues(code, field);
        }
        if (change.lifecycle() != null) {
            changeLifecycle(definition, current.lifecycle(), change.lifecycle());
        }
        definition.title = change.title().strip();
        definition.fields = List.copyOf(change.fields());
        if (change.takesFiles() != null) {
            definition.takesFiles = change.takesFiles();
        }
        definition.updatedAt = Instant.now(clock);
        em.flush();
        Section section = Sections.from(definition);
        sortIndexes.ensure(section);
        audit.record(change.lifecycle() != null && !change.lifecycle().equals(current.lifecycle()) ? "section.lifecycle-changed"
                : "section.changed", "section", code, null, current, section);
        changes.fire(ChangeEvent.sectionsChanged(code));
        return section;
    }

    /**
     * A new lifecycle may not drop a state that records are in; records without a state (the section
     * had no lifecycle) start in the new one's initial state.
     */
    private void changeLifecycle(SectionDefinition definition, Lifecycle before, Lifecycle after) {
        if (before != null) {
            for (String state : LifecycleRules.removedStates(before, after)) {
                long held = ((Number) em
                        .createNativeQuery("select count(*) from records where section_code = :s and status = :state")
                        .setParameter("s", definition.code).setParameter("state", state).getSingleResult()).longValue();
                if (held > 0) {
                    throw new ProblemException(STATE_HOLDS_RECORDS, held + " records of " + definition.code + " are in state "
                            + state + "; move them on before removing it");
                }
            }
        }
        em.createNativeQuery("update records set status = :initial, status_changed_at = now(), version = version + 1"
                + " where section_code = :s and status is null")
                .setParameter("initial", after.initial()).setParameter("s", definition.code).executeUpdate();
        definition.lifecycle = after;
    }

    /** Each edition must be the catalogue's, take custom sections, and have room for one more. */
    private void checkLimits(String code, List<String> editions) {
        Map<String, Integer> allowed = limits.customSectionLimits();
        List<Problem.FieldError> unfit = new ArrayList<>();
        for (int i = 0; i < editions.size(); i++) {
            String edition = editions.get(i);
            if (!allowed.containsKey(edition)) {
                unfit.add(
                        new Problem.FieldError("editions[" + i + "]", "no edition " + edition + " in the licensing catalogue"));
            } else if (allowed.get(edition) == 0) {
                unfit.add(
                        new Problem.FieldError("editions[" + i + "]", "the " + edition + " edition takes no custom sections"));
            }
        }
        if (!unfit.isEmpty()) {
            throw new InvalidFields(unfit);
        }
        for (String edition : Set.copyOf(editions)) {
            long others = ((Number) em.createNativeQuery(
                    "select count(*) from section_definitions where custom and code <> :code and :edition = any(editions)")
                    .setParameter("code", code).setParameter("edition", edition).getSingleResult()).longValue();
            int limit = allowed.get(edition);
            if (others >= limit) {
                throw new ProblemException(LIMIT_REACHED, "The " + edition + " edition allows " + limit
                        + " custom sections and has " + others + " already");
            }
        }
    }

    private Set<String> knownCodes(String self) {
        Set<String> codes = sections.all().stream().map(Section::code).collect(Collectors.toSet());
        codes.add(self);
        return codes;
    }

    private boolean holdsData(String section, String field) {
        return (Boolean) em
                .createNativeQuery("select exists (select 1 from records where section_code = :s and jsonb_exists(data, :f))")
                .setParameter("s", section).setParameter("f", field).getSingleResult();
    }

    /** Takes a removed field's values out of every record, and says so in each record's history. */
    private void removeValues(String section, String field) {
        em.createNativeQuery("""
                insert into record_history (record_id, at, actor, action, changes)
                select id, now(), 'definition-change', 'field-removed',
                       jsonb_build_object(:f, jsonb_build_object('from', data -> :f, 'to', null))
                from records where section_code = :s and jsonb_exists(data, :f)""")
                .setParameter("s", section).setParameter("f", field).executeUpdate();
        em.createNativeQuery(
                "update records set data = data - cast(:f as text), version = version + 1 where section_code = :s and jsonb_exists(data, :f)")
                .setParameter("s", section).setParameter("f", field).executeUpdate();
    }
}
