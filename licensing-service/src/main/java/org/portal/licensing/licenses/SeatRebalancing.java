package org.portal.licensing.licenses;

import java.util.List;
import java.util.UUID;

/**
 * What a license import asks of the seats given under the license: seats follow licenses, so the
 * seats feature implements this and licenses never depend on it.
 */
public interface SeatRebalancing {

    /**
     * Marks the newest seats beyond the license's count as over the limit, and the oldest within it.
     * Returns the users whose seats are over the limit.
     */
    List<UUID> rebalance(License license, String actor);
}
