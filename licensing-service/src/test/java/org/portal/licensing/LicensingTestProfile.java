package org.portal.licensing;

import org.portal.testsupport.PostgresTestDatabase;
import org.portal.testsupport.RedisTestNamespace;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/** One set of test resources for the module, so Quarkus starts once for all its tests. */
@QuarkusTestResource(value = PostgresTestDatabase.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = OidcWiremockTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = VendorKeyResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = RedisTestNamespace.class, restrictToAnnotatedClass = false)
public final class LicensingTestProfile {

    private LicensingTestProfile() {
    }
}
