package org.portal.gateway.routing;

import java.util.List;
import java.util.Optional;

/**
 * The public routes of docs/architecture.md: which service owns a path, and whether calls on it are
 * counted against a portal user's daily quota. {@code /internal} paths are never routed.
 */
public final class RouteTable {

    /** A path prefix (the path itself or anything below it) and where it goes. */
    public record Route(String prefix, Target target, boolean counted) {

        /**
         * The route's name in the gateway's metrics, for every path under it: one series per route, not one
         * per record id. The owning service's own metrics name each of its operations.
         */
        public String metricsUri() {
            return prefix + "/**";
        }

        boolean matches(String path) {
            return path.startsWith(prefix) && (path.length() == prefix.length() || path.charAt(prefix.length()) == '/');
        }
    }

    // More specific prefixes first: /api/me/quota is the gateway's, the rest of /api/me is not.
    private static final List<Route> ROUTES = List.of(
            new Route("/api/me/quota", Target.GATEWAY, false),
            new Route("/api/usage", Target.GATEWAY, false),
            new Route("/api/sections", Target.SECTIONS, true),
            new Route("/api/approvals", Target.SECTIONS, true),
            new Route("/api/knowledge", Target.SECTIONS, false),
            new Route("/api/main-page", Target.SECTIONS, false),
            new Route("/api/admin/sections", Target.SECTIONS, false),
            new Route("/api/admin/main-page", Target.SECTIONS, false),
            new Route("/api/admin/webhooks", Target.SECTIONS, false),
            new Route("/api/admin/audit", Target.SECTIONS, false),
            new Route("/api/admin/reports", Target.SECTIONS, false),
            new Route("/api/me", Target.PORTAL_USERS, false),
            new Route("/api/users", Target.PORTAL_USERS, false),
            new Route("/api/accounts", Target.PORTAL_USERS, false),
            new Route("/api/registrations", Target.PORTAL_USERS, false),
            new Route("/api/invitations", Target.PORTAL_USERS, false),
            new Route("/api/admin/notifications", Target.PORTAL_USERS, false),
            new Route("/api/licensing", Target.LICENSING, false));

    private RouteTable() {
    }

    public static Optional<Route> match(String path) {
        // A loop, not a stream: every call asks, and a stream's pipeline cost more than the comparisons.
        for (Route route : ROUTES) {
            if (route.matches(path)) {
                return Optional.of(route);
            }
        }
        return Optional.empty();
    }

    /**
     * Whether a call on this path counts against a portal user's daily quota: section data (a
     * section's records and what lies under them, approvals), not the list of sections. The one owner
     * of that rule: the pipeline and the API document both ask here.
     */
    public static boolean counted(String path) {
        return match(path).map(Route::counted).orElse(false)
                && (section(path).isPresent() || !path.startsWith("/api/sections"));
    }

    /** A file upload to a record, which may be larger than other request bodies. */
    public static boolean isUpload(String method, String path) {
        return "POST".equals(method) && UPLOAD.matcher(path).matches();
    }

    private static final java.util.regex.Pattern UPLOAD = java.util.regex.Pattern
            .compile("/api/sections/[^/]+/records/[^/]+/attachments");

    /** The section a path is about: {@code /api/sections/{code}/...}, or empty for the section list itself. */
    public static Optional<String> section(String path) {
        String prefix = "/api/sections/";
        if (!path.startsWith(prefix) || path.length() == prefix.length()) {
            return Optional.empty();
        }
        int end = path.indexOf('/', prefix.length());
        return Optional.of(end < 0 ? path.substring(prefix.length()) : path.substring(prefix.length(), end));
    }
}
