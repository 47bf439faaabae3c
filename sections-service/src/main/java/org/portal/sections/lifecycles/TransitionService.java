package org.portal.sections.lifecycles;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.portal.problem.InvalidFields;
import org.portal.problem.Problem;
import org.portal.problem.ProblemException;
import org.portal.problem.ProblemType;
import org.portal.sections.access.Actor;
import org.portal.sections.access.Viewer;
import org.portal.sections.definitions.Lifecycle;
import org.portal.sections.definitions.Section;
import org.portal.sections.records.PreconditionFailed;
import org.portal.sections.records.RecordEntity;
import org.portal.sections.records.RecordService;
import org.portal.sections.records.RecordView;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Moves records between the states of their section's lifecycle, by its rules, and records each move. */
@ApplicationScoped
public class TransitionService {

    public static final ProblemType NO_LIFECYCLE = new ProblemType("no-lifecycle", "The section has no lifecycle", 409);
    public static final ProblemType NOT_ALLOWED = new ProblemType("transition-not-allowed",
            "Transition not allowed from the current state", 409);
    public static final ProblemType NOT_YOURS = new ProblemType("transition-forbidden", "Transition not open to you", 403);
    public static final ProblemType EXPIRED = new ProblemType("transition-expired", "Transition no longer possible", 409);

    private final RecordService records;
    private final EntityManager em;
    private final ObjectMapper json;
    private final Clock clock;

    private final Event<RecordMoved> moved;

    public TransitionService(RecordService records, EntityManager em, ObjectMapper json, Clock clock,
            Event<RecordMoved> moved) {
        this.moved = moved;
        this.records = records;
        this.em = em;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Takes the transition from the record's state to {@code to}. The record is locked while it moves,
     * so of two callers moving it at once the second sees the new state. With {@code expectedVersion}
     * the caller also asks that nothing changed since they read it.
     */
    @Transactional
    public RecordView take(Section section, Viewer viewer, UUID id, String to, Long expectedVersion) {
        Lifecycle lifecycle = lifecycle(section);
        if (lifecycle.state(to).isEmpty()) {
            throw new InvalidFields(
                    List.of(new Problem.FieldError("to", "is not a state of " + section.code() + "; its states are "
                            + lifecycle.states().stream().map(Lifecycle.State::name).toList())));
        }
        RecordEntity record = records.reachable(section, viewer, id, LockModeType.PESSIMISTIC_WRITE);
        if (expectedVersion != null && record.version != expectedVersion) {
            throw new PreconditionFailed(PreconditionFailed.STALE, "The record is at version " + record.version
                    + ", you sent If-Match for version " + expectedVersion);
        }
        Lifecycle.Transition transition = lifecycle.transition(record.status, to).orElseThrow(() -> new ProblemException(
                NOT_ALLOWED, "A " + section.code() + " record that is " + record.status + " cannot move to " + to,
                Map.of("state", record.status, "allowed", allowed(lifecycle, record.status, viewer))));
        if (Collections.disjoint(transition.by(), viewer.actors())) {
            throw new ProblemException(NOT_YOURS, "Only " + transition.by().stream().map(Actor::code).sorted().toList()
                    + " may " + transition.name() + " a " + section.code() + " record",
                    Map.of("transition", transition.name()));
        }
        if (expired(transition, record, viewer)) {
            throw new ProblemException(EXPIRED, "A record may " + transition.name() + " within " + transition.withinDays()
                    + " days of becoming " + record.status + "; that time is over");
        }
        String from = record.status;
        move(record, to, viewer.subject());
        moved.fire(new RecordMoved(section, record, from, to, viewer));
        em.flush();
        return records.view(record);
    }

    /** The transitions this viewer may take from the record's state now, for a front end's buttons. */
    @Transactional
    public List<AvailableTransition> available(Section section, Viewer viewer, UUID id) {
        Lifecycle lifecycle = lifecycle(section);
        RecordEntity record = records.reachable(section, viewer, id);
        return lifecycle.transitions().stream()
                .filter(t -> t.from().contains(record.status) && !Collections.disjoint(t.by(), viewer.actors())
                        && !expired(t, record, viewer))
                .map(t -> new AvailableTransition(t.name(), t.to(),
                        lifecycle.state(t.to()).map(Lifecycle.State::label).orElse(t.to())))
                .toList();
    }

    /** A portal user's window for the transition (a case's reopen) has closed; staff have none. */
    private boolean expired(Lifecycle.Transition transition, RecordEntity record, Viewer viewer) {
        return transition.withinDays() != null && !viewer.staff()
                && Instant.now(clock).isAfter(record.statusChangedAt.plus(Duration.ofDays(transition.withinDays())));
    }

    /** Puts the record (locked by the caller) in the state and says so in its history. */
    public void move(RecordEntity record, String to, String actor) {
        ObjectNode changes = json.createObjectNode();
        changes.putObject("status").put("from", record.status).put("to", to);
        record.status = to;
        record.statusChangedAt = Instant.now(clock);
        record.updatedAt = record.statusChangedAt;
        records.addHistory(record.id, actor, "transition", changes);
    }

    public static Lifecycle lifecycle(Section section) {
        if (section.lifecycle() == null) {
            throw new ProblemException(NO_LIFECYCLE, "Records of " + section.code() + " have no states to move between");
        }
        return section.lifecycle();
    }

    /** The states this viewer could move the record to from where it is. */
    private static List<String> allowed(Lifecycle lifecycle, String state, Viewer viewer) {
        return lifecycle.transitions().stream()
                .filter(t -> t.from().contains(state) && !Collections.disjoint(t.by(), viewer.actors()))
                .map(Lifecycle.Transition::to).toList();
    }
}
