package org.portal.tokens;

/** The realm roles every service checks, named once; the identity provider holds who has which. */
public final class Roles {

    /** An external person whose registration was approved or whose invitation was accepted. */
    public static final String PORTAL_USER = "portal-user";
    public static final String PORTAL_ADMIN = "portal-admin";
    /** Staff who answer cases and write the knowledge base. */
    public static final String PORTAL_AGENT = "portal-agent";
    /** Another portal service, calling {@code /internal} endpoints with its own identity. */
    public static final String PORTAL_SERVICE = "portal-service";

    private Roles() {
    }
}
