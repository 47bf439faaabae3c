package org.portal.gateway;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.oidc.server.OidcWiremockTestResource;
import org.portal.testsupport.RedisTestNamespace;

/** One set of test resources for the module, so Quarkus starts once for all its tests. */
@QuarkusTestResource(value = OidcWiremockTestResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = RedisTestNamespace.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = DownstreamServices.class, restrictToAnnotatedClass = false)
public final class GatewayTestResources {

    private GatewayTestResources() {
    }
}
