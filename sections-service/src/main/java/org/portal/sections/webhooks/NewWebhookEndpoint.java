package org.portal.sections.webhooks;

import java.util.List;
import java.util.UUID;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A partner system's endpoint: where to post, which events, and whose (one account's, or all). */
public record NewWebhookEndpoint(
        @NotBlank @Size(max = 2000) @Schema(description = "https:// URL the events are posted to") String url,
        @NotEmpty @Size(max = 10) List<@NotNull WebhookEvent> events,
        @Schema(description = "Only this account's events; all events of the installation when left out") UUID accountId) {
}
