package org.portal.gateway;

import org.portal.testsupport.HttpStubServer;
import org.portal.testsupport.RedisTestNamespace;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;

/** One set of test resources for the module, so Quarkus starts once for all its tests. */
@QuarkusTestResource(value = OidcWiremockTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = RedisTestNamespace.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = HttpStubServer.class, restrictToAnnotatedClass = false, initArgs = @ResourceArg(name = "urls", value = "portal.gateway.services.licensing,portal.gateway.services.portal-users,portal.gateway.services.sections"))
public final class GatewayTestResources {

    private GatewayTestResources() {
    }
}
