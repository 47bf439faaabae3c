package org.portal.sections.definitions;

import static org.portal.sections.ApiNames.MAX_LENGTH;
import static org.portal.sections.ApiNames.NAME;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.portal.sections.access.Actor;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A section's states and the transitions between them. A record starts in {@code initial}; only a
 * transition (or an approval's outcome) changes its state. {@code approval}, when present, says from
 * which states a record may be sent for approval and where each outcome takes it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Lifecycle(
        @NotBlank @Pattern(regexp = NAME) @Size(max = MAX_LENGTH) String initial,
        @NotEmpty @Size(max = 30) List<@Valid @NotNull State> states,
        @NotEmpty @Size(max = 100) List<@Valid @NotNull Transition> transitions,
        @Valid Approval approval) {

    /**
     * {@code open}: work remains (lists of "my open" records); {@code locked}: the values no longer
     * change, for anyone (a closed case, an order awaiting approval).
     */
    @JsonInclude(JsonInclude.Include.NON_DEFAULT)
    @Schema(name = "LifecycleState")
    public record State(@NotBlank @Pattern(regexp = NAME) @Size(max = MAX_LENGTH) String name,
            @NotBlank @Size(max = 100) String label,
            boolean open, boolean locked) {
    }

    /**
     * A move from any of {@code from} to {@code to}, for the actors in {@code by}. With
     * {@code withinDays}, a portal user may take it only that many days after the record entered its
     * current state (a case's reopen); staff are not limited.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "LifecycleTransition")
    public record Transition(@NotBlank @Pattern(regexp = NAME) @Size(max = MAX_LENGTH) String name,
            @NotEmpty @Size(max = 30) List<@NotBlank @Size(max = MAX_LENGTH) String> from,
            @NotBlank @Size(max = MAX_LENGTH) String to,
            @NotEmpty @Size(max = 10) Set<@NotNull Actor> by, @Min(1) @Max(3650) Integer withinDays) {
    }

    /**
     * Sending for approval moves the record to {@code pending}; all approvals to {@code approved}, one rejection to
     * {@code rejected}.
     */
    @Schema(name = "LifecycleApproval")
    public record Approval(@NotEmpty @Size(max = 30) List<@NotBlank @Size(max = MAX_LENGTH) String> from,
            @NotBlank @Size(max = MAX_LENGTH) String pending, @NotBlank @Size(max = MAX_LENGTH) String approved,
            @NotBlank @Size(max = MAX_LENGTH) String rejected) {
    }

    public Optional<State> state(String name) {
        return states.stream().filter(s -> s.name().equals(name)).findFirst();
    }

    public Optional<Transition> transition(String from, String to) {
        return transitions.stream().filter(t -> t.from().contains(from) && t.to().equals(to)).findFirst();
    }

    public boolean locked(String state) {
        return state(state).map(State::locked).orElse(false);
    }

    public List<String> openStates() {
        return states.stream().filter(State::open).map(State::name).toList();
    }
}
