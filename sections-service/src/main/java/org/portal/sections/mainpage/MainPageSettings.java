package org.portal.sections.mainpage;

import java.time.Instant;
import java.util.List;

/** An edition's main page as administrators configure it: its widgets, top to bottom. */
public record MainPageSettings(String edition, List<Widget> widgets, String updatedBy, Instant updatedAt, long version) {
}
