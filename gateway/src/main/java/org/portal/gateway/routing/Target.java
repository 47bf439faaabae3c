package org.portal.gateway.routing;

/** Who answers a path: one of the services, or the gateway itself. */
public enum Target {
    LICENSING,
    PORTAL_USERS,
    SECTIONS,
    GATEWAY
}
