package org.portal.licensing.reports;

import java.util.UUID;

/** A user's calls and refusals over the report's months; the account of their latest month. */
public record TopUser(UUID userId, UUID accountId, long calls, long refused) {
}
