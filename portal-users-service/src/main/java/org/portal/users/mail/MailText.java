package org.portal.users.mail;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** How values read in a mail: for people, not parsers. */
public final class MailText {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private MailText() {
    }

    public static String time(Instant instant) {
        return TIME.format(instant);
    }
}
