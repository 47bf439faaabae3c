package org.portal.users.notifications;

import java.util.Arrays;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a notification tells its recipient; the codes are those of the API and of the preferences. */
public enum NotificationKind {
    CASE_COMMENT("case-comment"),
    CASE_RESOLVED("case-resolved"),
    APPROVAL_REQUESTED("approval-requested"),
    APPROVAL_DECIDED("approval-decided"),
    QUOTA_WARNING("quota-warning"),
    QUOTA_REACHED("quota-reached"),
    WEBHOOK_DISABLED("webhook-disabled");

    private final String code;

    NotificationKind(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    public static Optional<NotificationKind> of(String code) {
        return Arrays.stream(values()).filter(kind -> kind.code.equals(code)).findFirst();
    }
}
