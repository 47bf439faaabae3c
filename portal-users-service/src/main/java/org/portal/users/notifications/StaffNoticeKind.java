package org.portal.users.notifications;

import java.util.Arrays;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/** What portal staff are told; the codes name the templates and the mails' kinds in the delivery log. */
public enum StaffNoticeKind {
    REGISTRATION_RECEIVED("registration-received-staff"),
    LICENSE_EXPIRING("license-expiring"),
    SEATS_EXHAUSTED("seats-exhausted"),
    WEBHOOK_DISABLED("webhook-disabled");

    private final String code;

    StaffNoticeKind(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    public static Optional<StaffNoticeKind> of(String code) {
        return Arrays.stream(values()).filter(kind -> kind.code.equals(code)).findFirst();
    }
}
