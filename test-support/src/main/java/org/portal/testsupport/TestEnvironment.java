package org.portal.testsupport;

/** Where the test run finds its PostgreSQL and Redis: localhost unless the environment says otherwise. */
final class TestEnvironment {

    private TestEnvironment() {
    }

    static String get(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    static String pgHost() {
        return get("PORTAL_TEST_PG_HOST", "localhost");
    }

    static String pgPort() {
        return get("PORTAL_TEST_PG_PORT", "5432");
    }

    static String pgUser() {
        return get("PORTAL_TEST_PG_USER", "portal");
    }

    static String pgPassword() {
        return get("PORTAL_TEST_PG_PASSWORD", "portal");
    }

    static String redisUrl() {
        return get("PORTAL_TEST_REDIS_URL", "redis://localhost:6379");
    }
}
