package org.portal.sections.webhooks;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** An event another service reports for the webhook endpoints; {@code id} is its own, so handing it in twice delivers once. */
public record HandedInEvent(@NotNull UUID id, @NotNull @Size(max = 40) String type, @NotNull UUID accountId,
        @NotNull Instant occurredAt, @NotNull @Size(max = 20) Map<@Size(max = 50) String, @Size(max = 2000) String> data) {
}
