package org.portal.sections.webhooks;

import java.util.Arrays;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a partner system can subscribe to; the codes are the payloads' {@code type}. */
public enum WebhookEvent {
    RECORD_CREATED("record.created"),
    RECORD_UPDATED("record.updated"),
    RECORD_TRANSITIONED("record.transitioned"),
    COMMENT_ADDED("comment.added"),
    APPROVAL_DECIDED("approval.decided"),
    /** A person became an active portal user of an account; reported by portal-users-service. */
    USER_REGISTERED("user.registered"),
    /** A portal user was blocked; reported by portal-users-service. */
    USER_BLOCKED("user.blocked"),
    /** Sent by "send test event" only. */
    TEST("webhook.test");

    private final String code;

    WebhookEvent(String code) {
        this.code = code;
    }

    @JsonValue
    public String code() {
        return code;
    }

    public static Optional<WebhookEvent> of(String code) {
        return Arrays.stream(values()).filter(event -> event.code.equals(code)).findFirst();
    }
}
