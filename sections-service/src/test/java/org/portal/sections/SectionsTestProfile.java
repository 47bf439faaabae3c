package org.portal.sections;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.portal.testsupport.PostgresTestDatabase;

/** One set of test resources for the module, so Quarkus starts once for all its tests. */
@QuarkusTestResource(value = PostgresTestDatabase.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = OidcWiremockTestResource.class, restrictToAnnotatedClass = false)
public final class SectionsTestProfile {

    private SectionsTestProfile() {
    }
}
