package org.portal.users.me;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;

import org.portal.events.ChangeEvent;
import org.portal.problem.AccessProblems;
import org.portal.problem.InvalidFields;
import org.portal.problem.NotFound;
import org.portal.problem.Problem;
import org.portal.problem.ProblemException;
import org.portal.problem.ServiceUnavailable;
import org.portal.users.accounts.Account;
import org.portal.users.licensing.EntitlementView;
import org.portal.users.licensing.Seats;
import org.portal.users.notifications.NotificationKind;
import org.portal.users.users.PortalUser;
import org.portal.users.users.Preferences;
import org.portal.users.users.UserStatus;

import io.quarkus.logging.Log;

@ApplicationScoped
public class MeService {

    private final Seats seats;
    private final Clock clock;
    private final Event<ChangeEvent> changes;
    private final SectionColumns sectionColumns;

    public MeService(Seats seats, Clock clock, Event<ChangeEvent> changes, SectionColumns sectionColumns) {
        this.sectionColumns = sectionColumns;
        this.changes = changes;
        this.seats = seats;
        this.clock = clock;
    }

    /** A pending person sees that they are pending; a blocked one is refused like everywhere else. */
    public MeView me(String subject) {
        PortalUser user = user(subject);
        if (user.status == UserStatus.blocked) {
            throw notActive(user);
        }
        Account account = user.accountId == null ? null : Account.findById(user.accountId);
        Optional<EntitlementView> entitlement = seats.entitlement(user.id);
        return new MeView(user.id, user.email, user.displayName,
                account == null ? null : new MeView.Account(account.id, account.name), user.status, user.accessScope,
                user.accountAdmin, entitlement.map(EntitlementView::edition).orElse(null),
                entitlement.map(EntitlementView::sections).orElse(List.of()),
                entitlement.map(EntitlementView::dailyCallLimit).orElse(null), user.preferences);
    }

    @Transactional
    public Preferences preferences(String subject) {
        return activeUser(subject).preferences;
    }

    @Transactional
    public Preferences replacePreferences(String subject, Preferences preferences) {
        PortalUser user = activeUser(subject);
        if (preferences.mutedNotifications() != null) {
            List<Problem.FieldError> unknown = preferences.mutedNotifications().stream()
                    .filter(code -> NotificationKind.of(code).isEmpty()).sorted()
                    .map(code -> new Problem.FieldError("mutedNotifications", code + " is no kind of notification"))
                    .toList();
            if (!unknown.isEmpty()) {
                throw new InvalidFields(unknown);
            }
        }
        if (preferences.listColumns() != null && !preferences.listColumns().isEmpty()) {
            checkListColumns(preferences.listColumns());
        }
        boolean languageChanged = !Objects.equals(user.preferences == null ? null : user.preferences.language(),
                preferences.language());
        user.preferences = preferences;
        user.updatedAt = Instant.now(clock);
        if (languageChanged) {
            // Services cache what they know of the user, the language included.
            changes.fire(ChangeEvent.userChanged(user.id, user.subject));
        }
        return preferences;
    }

    /** Each section named must exist and each column be one its lists can show. */
    private void checkListColumns(Map<String, List<String>> chosen) {
        Map<String, List<String>> known;
        try {
            known = sectionColumns.bySection();
        } catch (RuntimeException e) {
            Log.warnf("sections-service could not give the list columns: %s", e.toString());
            throw new ServiceUnavailable("sections", "Sections service unavailable",
                    "List columns cannot be checked right now; try again shortly");
        }
        List<Problem.FieldError> wrong = new ArrayList<>();
        new TreeMap<>(chosen).forEach((section, columns) -> {
            List<String> columnsOfSection = known.get(section);
            if (columnsOfSection == null) {
                wrong.add(new Problem.FieldError("listColumns." + section, section + " is no section"));
                return;
            }
            columns.stream().filter(column -> !columnsOfSection.contains(column)).forEach(column -> wrong.add(
                    new Problem.FieldError("listColumns." + section, column + " is not a column of " + section)));
        });
        if (!wrong.isEmpty()) {
            throw new InvalidFields(wrong);
        }
    }

    private static PortalUser activeUser(String subject) {
        PortalUser user = user(subject);
        if (user.status != UserStatus.active) {
            throw notActive(user);
        }
        return user;
    }

    private static ProblemException notActive(PortalUser user) {
        return AccessProblems.notActive(user.status);
    }

    private static PortalUser user(String subject) {
        return PortalUser.bySubject(subject).orElseThrow(() -> new NotFound(
                "You are not a portal user yet: register, or accept your invitation"));
    }
}
