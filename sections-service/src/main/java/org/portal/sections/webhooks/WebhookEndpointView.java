package org.portal.sections.webhooks;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An endpoint as administrators see it; its secret only once, in the answer that created it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record WebhookEndpointView(UUID id, UUID accountId, String url, List<String> events, boolean enabled,
        String disabledReason, int consecutiveFailures, String createdBy, Instant createdAt, String secret) {

    static WebhookEndpointView from(WebhookEndpoint e, boolean withSecret) {
        return new WebhookEndpointView(e.id, e.accountId, e.url, List.copyOf(e.events), e.enabled, e.disabledReason,
                e.consecutiveFailures, e.createdBy, e.createdAt, withSecret ? e.secret : null);
    }
}
