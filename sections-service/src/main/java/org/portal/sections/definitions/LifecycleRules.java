package org.portal.sections.definitions;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.portal.problem.InvalidFields;
import org.portal.problem.Problem;

/** The consistency rules of a lifecycle, beyond what each part's annotations check. */
public final class LifecycleRules {

    private LifecycleRules() {
    }

    public static void check(Lifecycle lifecycle) {
        List<Problem.FieldError> errors = new ArrayList<>();
        Set<String> states = new HashSet<>();
        for (int i = 0; i < lifecycle.states().size(); i++) {
            if (!states.add(lifecycle.states().get(i).name())) {
                errors.add(new Problem.FieldError("lifecycle.states[" + i + "].name", "is used by another state"));
            }
        }
        if (!states.contains(lifecycle.initial())) {
            errors.add(new Problem.FieldError("lifecycle.initial", "is not one of the states"));
        }
        String pending = lifecycle.approval() == null ? null : lifecycle.approval().pending();
        Set<String> moves = new HashSet<>();
        for (int i = 0; i < lifecycle.transitions().size(); i++) {
            Lifecycle.Transition transition = lifecycle.transitions().get(i);
            String at = "lifecycle.transitions[" + i + "]";
            if (!states.contains(transition.to())) {
                errors.add(new Problem.FieldError(at + ".to", "is not one of the states"));
            }
            for (String from : transition.from()) {
                if (!states.contains(from)) {
                    errors.add(new Problem.FieldError(at + ".from", from + " is not one of the states"));
                } else if (from.equals(transition.to())) {
                    errors.add(new Problem.FieldError(at + ".from", "a transition leads to another state"));
                } else if (!moves.add(from + "->" + transition.to())) {
                    errors.add(new Problem.FieldError(at + ".from", "another transition goes from " + from + " to "
                            + transition.to()));
                }
            }
            // Only a decision moves a record into or out of its approval: a pending approval is never left dangling.
            if (pending != null && (transition.to().equals(pending) || transition.from().contains(pending))) {
                errors.add(new Problem.FieldError(at, "only approval decisions lead into or out of " + pending));
            }
        }
        if (lifecycle.approval() != null) {
            Lifecycle.Approval approval = lifecycle.approval();
            approval.from().stream().filter(s -> !states.contains(s))
                    .forEach(s -> errors
                            .add(new Problem.FieldError("lifecycle.approval.from", s + " is not one of the states")));
            Map<String, String> outcomes = Map.of("pending", approval.pending(), "approved", approval.approved(),
                    "rejected", approval.rejected());
            outcomes.forEach((outcome, state) -> {
                if (!states.contains(state)) {
                    errors.add(new Problem.FieldError("lifecycle.approval." + outcome, "is not one of the states"));
                }
            });
            if (approval.from().contains(approval.pending())) {
                errors.add(new Problem.FieldError("lifecycle.approval.from", "cannot include the pending state"));
            }
            if (lifecycle.state(approval.pending()).filter(Lifecycle.State::locked).isEmpty()
                    && states.contains(approval.pending())) {
                errors.add(new Problem.FieldError("lifecycle.approval.pending",
                        "must be a locked state: approvers decide on the values they were shown"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidFields(errors);
        }
    }

    /** The states of {@code before} that {@code after} no longer has. */
    public static Set<String> removedStates(Lifecycle before, Lifecycle after) {
        Set<String> kept = after.states().stream().map(Lifecycle.State::name).collect(Collectors.toSet());
        return before.states().stream().map(Lifecycle.State::name).filter(s -> !kept.contains(s)).collect(Collectors.toSet());
    }
}
