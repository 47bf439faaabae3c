package org.portal.licensing.usage;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.portal.licensing.licenses.License;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A user's calls on one day. From a gateway also: the calls it refused that day over the limit (its own
 * running total, named by {@code gatewayId}), and what the calls were made under (account, edition,
 * license) where the gateway knows it.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UsageCount(@NotNull UUID userId, @NotNull LocalDate day, @Min(0) int calls, @Min(0) Integer refused,
        @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._:-]+") String gatewayId, UUID accountId,
        @Size(max = 64) String edition, @Size(max = License.ID_MAX_LENGTH) String licenseId) {

    public UsageCount(UUID userId, LocalDate day, int calls) {
        this(userId, day, calls, null, null, null, null, null);
    }
}
