package org.portal.sections.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/**
 * The three services' audit tables are one table in three databases: the shared AuditTrail writes and
 * AuditLog reads them all alike, so their migrations must say the same.
 */
class AuditMigrationsTest {

    private static final Path ROOT = Path.of("..");

    @Test
    void everyServiceCreatesTheSameAuditTable() throws IOException {
        String here = Files.readString(ROOT.resolve("sections-service/src/main/resources/db/migration/V14__audit_entries.sql"));
        assertEquals(here,
                Files.readString(ROOT.resolve("licensing-service/src/main/resources/db/migration/V6__audit_entries.sql")),
                "licensing-service's audit migration");
        assertEquals(here,
                Files.readString(ROOT.resolve("portal-users-service/src/main/resources/db/migration/V8__audit_entries.sql")),
                "portal-users-service's audit migration");
    }
}
