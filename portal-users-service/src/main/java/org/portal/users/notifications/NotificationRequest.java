package org.portal.users.notifications;

import java.util.Map;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A service asks for a person to be told something. {@code id} is the notification's own (the
 * sender's outbox id): asking twice tells once. {@code facts} fill the kind's template (a case's
 * subject, a comment's first lines, a link).
 */
public record NotificationRequest(@NotNull UUID id, @NotNull NotificationKind kind, @NotNull UUID recipientUserId,
        @NotNull @Size(max = 20) Map<@Size(max = 50) String, @Size(max = 2000) String> facts) {
}
