package org.portal.sections.definitions;

import java.lang.reflect.Method;

import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.quarkus.security.identity.SecurityIdentity;

/**
 * Checks {@link SectionCall} and {@link SeatHolderCall} methods' callers before their body is read
 * and validated. Anonymous calls are left to the security layer, which answers 401.
 */
public class SectionCallFilter {

    private final SectionAccess access;
    private final SecurityIdentity identity;

    public SectionCallFilter(SectionAccess access, SecurityIdentity identity) {
        this.access = access;
        this.identity = identity;
    }

    @ServerRequestFilter
    public void checkCaller(ResourceInfo resource, UriInfo uri) {
        Method method = resource.getResourceMethod();
        if (method == null || identity.isAnonymous()) {
            return;
        }
        SectionCall call = method.getAnnotation(SectionCall.class);
        if (call != null) {
            access.require(call.section().isEmpty() ? uri.getPathParameters().getFirst("code") : call.section(), call.value());
        } else if (method.isAnnotationPresent(SeatHolderCall.class)) {
            access.requireSeat();
        }
    }
}
