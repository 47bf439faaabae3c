package org.portal.users;

import org.portal.testsupport.HttpStubServer;
import org.portal.testsupport.PostgresTestDatabase;
import org.portal.testsupport.RedisTestNamespace;
import org.portal.testsupport.TestMailServer;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/** One set of test resources for the module, so Quarkus starts once for all its tests. */
@QuarkusTestResource(value = PostgresTestDatabase.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = OidcWiremockTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = RedisTestNamespace.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = TestMailServer.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = HttpStubServer.class, restrictToAnnotatedClass = false, initArgs = @ResourceArg(name = "urls", value = "quarkus.rest-client.licensing.url,quarkus.rest-client.sections.url"))
public final class UsersTestProfile {

    private UsersTestProfile() {
    }
}
