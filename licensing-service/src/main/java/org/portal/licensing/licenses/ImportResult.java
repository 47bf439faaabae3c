package org.portal.licensing.licenses;

import java.util.List;
import java.util.UUID;

/**
 * The imported license, and the users whose seats it leaves over the limit: a replacement with fewer
 * seats than are given marks the newest seats, which grant nothing until seats free up.
 */
public record ImportResult(LicenseView license, List<UUID> overLimitSeats) {
}
