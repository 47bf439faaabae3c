package org.portal.licensing.settings;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** An edition's new daily call limit per portal user. */
public record DailyCallLimit(@Min(1) @Max(10_000_000) int dailyCallLimit) {
}
