package org.portal.gateway.config;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "portal.gateway")
public interface GatewayConfig {

    /** Where the services behind the gateway listen. */
    Services services();

    Quota quota();

    Burst burst();

    AccessContext accessContext();

    /** The largest request body passed on, by its Content-Length. */
    @WithDefault("1048576")
    long maxBodySize();

    /**
     * The largest file upload passed on (a record's attachment): sections-service's file limit, 25 MiB,
     * plus the form around it. sections-service checks the file itself.
     */
    @WithDefault("28311552")
    long maxUploadSize();

    interface Services {
        URI licensing();

        URI portalUsers();

        URI sections();
    }

    /**
     * The per-caller burst limit on calls the daily quota does not count (staff routes, /api/me,
     * registration, invitations, the API document): a token bucket per subject, or per client address
     * when anonymous, kept by each gateway instance.
     */
    interface Burst {
        /** Calls a caller may make at once. */
        @WithDefault("100")
        int capacity();

        /** Calls per second the bucket refills with. */
        @WithDefault("20")
        double perSecond();
    }

    /** The cache of portal users' access contexts (see AccessContextResolver). */
    interface AccessContext {
        /** Age after which a read serves the cached context and refreshes it in the background. */
        @WithDefault("PT30S")
        Duration refreshAfter();

        /** Age after which a context is not served at all: the most a context can be stale when events are lost. */
        @WithDefault("PT90S")
        Duration expireAfter();

        @WithDefault("100000")
        long maximumSize();
    }

    interface Quota {
        /** The calendar day that counters follow. */
        @WithDefault("UTC")
        ZoneId zone();

        /** How long a day's counter outlives its day, so late reports can still read it. */
        @WithDefault("PT1H")
        Duration grace();

        /**
         * How long a counted call waits for Redis's reply. A later reply is a failure whose outcome is
         * unknown (the script may still run), so that call gets a 503: it is never admitted uncounted.
         * Exactness does not depend on this value; it only bounds how long a call can hang.
         */
        @WithDefault("PT2S")
        Duration redisTimeout();

        /** Failures in a row after which Redis is taken to be gone and the outage policy decides calls. */
        @WithDefault("5")
        int breakerFailures();

        /** How long the outage policy decides alone before one call probes Redis again. */
        @WithDefault("PT5S")
        Duration breakerOpen();

        /**
         * How long a user's first counted call of the day (or the first after Redis lost its counters)
         * may wait for today's durable count from licensing-service, which the counter starts from.
         */
        @WithDefault("PT1S")
        Duration durableCountTimeout();

        /**
         * While Redis is gone (a refused connection, or the breaker open), admit counted calls uncounted
         * (true) or refuse them with 503 (false).
         */
        @WithDefault("true")
        boolean failOpen();

        /**
         * Count every call and report those over the limit (metric gateway.quota.shadow.refusals), but
         * refuse none: for rolling out a new limit.
         */
        @WithDefault("false")
        boolean shadow();

        /**
         * How many calls one gateway takes from a user's shared counter in one round trip and then admits
         * without asking Redis (1: a round trip per call); a busy user's lease grows from this towards
         * {@link #leaseSpan()} of their calls. Redis grants at most a sixteenth of what is left, so a user
         * near their limit goes back to one round trip per call.
         */
        @WithDefault("32")
        int leaseSize();

        /**
         * A busy user's lease holds about this long of their calls (at least {@link #leaseSize()}): the
         * round trip for the next one is asked for with half of it left, and a gateway that crashes loses
         * at most one and a half leases of the user's calls.
         */
        @WithDefault("PT0.1S")
        Duration leaseSpan();

        /** The most calls a lease grows to however busy the user. */
        @WithDefault("1024")
        int leaseMaxSize();

        /** Calls of a lease left unused this long go back to the shared counter, for the other gateways. */
        @WithDefault("PT1S")
        Duration leaseIdle();
    }
}
