package org.portal.gateway.quota;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.portal.events.ChangeEvent;
import org.portal.events.ChangeEventPublisher;
import org.portal.events.ReceivedChange;
import org.portal.gateway.access.AccessContext;
import org.portal.gateway.config.GatewayConfig;
import org.portal.problem.ProblemException;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;

/**
 * Counts a portal user's calls per calendar day in Redis. Checking the limit and incrementing happen
 * in one Lua script, one round trip, so the count is exact under any concurrency and across gateway
 * instances; a refused call is not counted. Keys expire by themselves after the day and a grace.
 *
 * <p>
 * A busy user's calls mostly make no round trip: the script may grant a gateway a lease of several
 * call numbers at once ({@code lease-size}, growing for a busy user towards {@code lease-span} of their
 * calls, and at most a sixteenth of what is left, so the last calls of the day go one by one), which
 * that gateway hands out to the user's next calls. Every
 * number is taken from the shared counter before its call is admitted, so no more calls than the limit
 * are admitted across any number of gateways; numbers a gateway leaves unused for {@code lease-idle}
 * (or holds when it stops) go back to the counter. Meanwhile the counter includes them: at most one
 * and a half leases per gateway and user, as a busy user's next lease is asked for while half of the
 * last is left, so their calls do not wait for it. The calls made are therefore counted apart
 * ({@link #callsKey}): each gateway reports its admitted calls with its next round trip for that
 * counter, or when the lease goes back, and the usage copy reads those, never more than were made.
 *
 * <p>
 * A counter Redis does not hold (the user's first call today, or Redis lost its data) starts from
 * today's durable count in licensing-service, which the gateways copy there every minute: losing
 * Redis costs at most the calls of the last minute, not a fresh allowance.
 */
// A singleton: on every call's path, where a client proxy's context look-up costs (docs/architecture.md).
@Singleton
public class QuotaCounter {

    // KEYS: the counter, and its calls made (callsKey). ARGV: limit, seconds to expiry, shadow
    // ("1": count every call and never refuse), the count to start a missing counter from ("": none
    // known yet, so answer {-1} and let the caller find it), how many calls the gateway would like to
    // take at once, and the calls it admitted since its last report. Answers {calls granted, count
    // after}: the calls granted are the numbers up to that count; {0, count} refuses. Below the limit
    // at most a sixteenth of what is left is granted at once, so the last calls of a day go one by one.
    static final String SCRIPT = """
            local used = redis.call('GET', KEYS[1])
            if not used then
              if ARGV[4] == '' then
                return {-1, 0}
              end
              redis.call('SET', KEYS[1], ARGV[4], 'NX', 'EX', ARGV[2])
              redis.call('SET', KEYS[2], ARGV[4], 'NX', 'EX', ARGV[2])
              used = redis.call('GET', KEYS[1])
            end
            if tonumber(ARGV[6]) > 0 then
              redis.call('INCRBY', KEYS[2], ARGV[6])
              if redis.call('TTL', KEYS[2]) < 0 then
                redis.call('EXPIRE', KEYS[2], ARGV[2])
              end
            end
            used = tonumber(used)
            local limit = tonumber(ARGV[1])
            local grant = tonumber(ARGV[5])
            if used < limit then
              grant = math.max(1, math.min(grant, math.floor((limit - used) / 16)))
            elseif ARGV[3] ~= '1' then
              return {0, used}
            end
            used = redis.call('INCRBY', KEYS[1], grant)
            if redis.call('TTL', KEYS[1]) < 0 then
              redis.call('EXPIRE', KEYS[1], ARGV[2])
            end
            return {grant, used}
            """;
    /** How long the quota-changed event of this gateway's own change may take to come back to it. */
    static final Duration OWN_ECHO_WITHIN = Duration.ofSeconds(10);
    // Calls of a lease not made (ARGV[1]) go back, and the calls made since the last report (ARGV[2]) are
    // reported; a counter that is gone (the day is over, or an administrator deleted it) is left alone,
    // and no count goes below zero. Answers the count before (-1: no counter).
    static final String GIVE_BACK = """
            local before = redis.call('GET', KEYS[1])
            if not before then
              return -1
            end
            if redis.call('DECRBY', KEYS[1], ARGV[1]) < 0 then
              redis.call('SET', KEYS[1], 0, 'KEEPTTL')
            end
            if tonumber(ARGV[2]) > 0 then
              redis.call('INCRBY', KEYS[2], ARGV[2])
              if redis.call('TTL', KEYS[2]) < 0 then
                redis.call('EXPIRE', KEYS[2], redis.call('TTL', KEYS[1]))
              end
            end
            return tonumber(before)
            """;
    // An administrator's correction: the count and the calls made both become ARGV[1].
    static final String SET = """
            redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2])
            redis.call('SET', KEYS[2], ARGV[1], 'EX', ARGV[2])
            """;
    static final String SCRIPT_SHA = sha1(SCRIPT);

    private final ReactiveRedisDataSource redis;
    private final CountingConnection counting;
    private final GatewayConfig.Quota config;
    private final String namespace;
    private final Clock clock;
    private final Counter redisFailures;
    private final Counter shadowRefusals;
    private final Counter durableCountFailures;
    private final UsageClient usage;
    private final RedisBreaker breaker;
    private final QuotaNotices notices;
    private final ChangeEventPublisher changes;
    /** Durable-count look-ups under way, per counter key: a burst of first calls asks licensing-service once. */
    private final Map<String, Uni<Long>> lookingUp = new ConcurrentHashMap<>();
    /** What this gateway saw of each counter key: what the calls were made under, and the calls it refused. */
    private final Map<String, Tally> tallies = new ConcurrentHashMap<>();
    /** Call numbers this gateway took from the shared counters and has not handed out, per counter key. */
    private final Map<String, Lease> leases = new ConcurrentHashMap<>();
    /** Counter keys (user and day) known to be over their limit: refused without asking Redis. */
    private final Set<String> overLimit = ConcurrentHashMap.newKeySet();
    /**
     * Users whose count this gateway set, with when: the quota-changed event it publishes comes back to
     * it too, possibly after a call took a new lease from the new count, and must not drop that lease.
     */
    private final Map<UUID, Long> setHere = new ConcurrentHashMap<>();
    private volatile LocalDate overLimitDay;
    private volatile Day currentDay;

    public QuotaCounter(ReactiveRedisDataSource redis, CountingConnection counting, @RestClient UsageClient usage,
            QuotaNotices notices, ChangeEventPublisher changes, GatewayConfig config, Clock clock, MeterRegistry metrics,
            @ConfigProperty(name = "portal.redis-namespace", defaultValue = "portal:") String namespace) {
        this.redis = redis;
        this.counting = counting;
        this.usage = usage;
        this.notices = notices;
        this.changes = changes;
        this.config = config.quota();
        this.namespace = namespace;
        this.clock = clock;
        this.redisFailures = Counter.builder("gateway.quota.redis.failures")
                .description("Counted calls that Redis could not count; the outage policy decided them")
                .register(metrics);
        this.shadowRefusals = Counter.builder("gateway.quota.shadow.refusals")
                .description("Calls over the limit that shadow mode admitted; they would be refused when enforced")
                .register(metrics);
        this.breaker = new RedisBreaker(this.config.breakerFailures(), this.config.breakerOpen(), clock,
                this.config.failOpen() ? "open: counted calls are admitted uncounted" : "closed: counted calls are refused");
        this.durableCountFailures = Counter.builder("gateway.quota.durable-count.failures")
                .description("Counters started from zero because licensing-service did not give today's durable count")
                .register(metrics);
    }

    /**
     * Counts one call. A call this gateway holds a leased number for is decided here without Redis;
     * otherwise one round trip takes its number (and, for the one caller at a time that asks for it, a
     * lease of further numbers for the calls that follow). A call that finds the lease empty while that
     * caller's round trip is under way waits for it and tries the lease once more: with many concurrent
     * calls of one user, one round trip serves a whole lease's calls instead of one each. When Redis did
     * not answer that round trip, the waiting calls are not counted either (503, or the outage policy
     * once the breaker is open).
     */
    public CompletionStage<QuotaDecision> count(AccessContext caller) {
        return count(caller, true);
    }

    /** Decisions made here without Redis are completed stages: a warm call goes on without a reactive pipeline. */
    private CompletionStage<QuotaDecision> count(AccessContext caller, boolean mayWait) {
        UUID userId = caller.userId();
        int limit = caller.dailyCallLimit();
        long millis = clock.millis();
        Day today = day(millis);
        LocalDate day = today.date();
        ZonedDateTime reset = today.reset();
        long secondsToReset = today.secondsToReset(millis);
        String key = today.keys().computeIfAbsent(userId, user -> key(user, day));
        Tally tally = tallies.computeIfAbsent(key, k -> new Tally(caller.accountId(), caller.edition(), caller.licenseId()));
        // The lease first: numbers this gateway holds were taken before the counter reached the limit, and a
        // refusal seen by a concurrent call must not strand them.
        Lease lease = lease(key);
        long leased = lease.take();
        if (leased > 0) {
            if (lease.startAskingAhead()) {
                askAhead(key, lease, limit, secondsToReset);
            }
            return CompletableFuture.completedFuture(admitted(userId, day, reset, leased, limit, secondsToReset));
        }
        if (!config.shadow() && knownOverLimit(key, day)) {
            tally.refused().incrementAndGet();
            return CompletableFuture.completedFuture(new QuotaDecision(false, true, limit, 0, secondsToReset));
        }
        if (!breaker.allowsCall()) {
            return CompletableFuture.completedFuture(outagePolicy(limit, secondsToReset));
        }
        String ttl = ttl(secondsToReset);
        String max = Integer.toString(limit);
        String shadow = shadow();
        boolean asking = config.leaseSize() > 1 && lease.startAsking();
        if (!asking && mayWait) {
            Optional<CompletionStage<Boolean>> underWay = lease.sharedAskUnderWay();
            if (underWay.isPresent()) {
                // Redis did not answer that look-up in time: this call, never sent, is not counted either (and
                // does not wait a second time).
                return underWay.get().thenCompose(answered -> answered ? count(caller, false)
                        : CompletableFuture.completedFuture(breaker.isOpen() ? outagePolicy(limit, secondsToReset)
                                : outcomeUnknown(limit, secondsToReset)));
            }
        }
        String want = asking ? Integer.toString(lease.size()) : "1";
        long report = lease.report();
        String calls = Long.toString(report);
        return script(key, max, ttl, shadow, "", want, calls)
                .flatMap(reply -> reply.get(0).toInteger() >= 0 ? Uni.createFrom().item(reply)
                        : lookingUp.computeIfAbsent(key, k -> durableCount(userId, day)
                                .onTermination().invoke(() -> lookingUp.remove(k)).memoize().indefinitely())
                                .flatMap(start -> script(key, max, ttl, shadow, Long.toString(start), want, calls)))
                .map(reply -> decided(key, userId, day, reset, reply, limit, secondsToReset, asking))
                .invoke(decision -> {
                    if (!decision.admitted() && decision.counted()) {
                        tally.refused().incrementAndGet();
                    }
                })
                .onTermination().invoke((decision, failure, cancelled) -> {
                    if (asking) {
                        lease.doneAsking(failure == null && !cancelled);
                    }
                })
                .onFailure().invoke(failure -> unreportIfNeverSent(lease, report, failure))
                .onFailure().recoverWithItem(failure -> failed(failure, limit, secondsToReset))
                .subscribeAsCompletionStage();
    }

    /**
     * Takes a busy user's next lease while their calls still find numbers in this one. A counter Redis
     * no longer holds is left to the next call to start; a failure counts towards the breaker, and calls
     * that found the lease empty while waiting for this look-up are not counted (as for a call's own).
     * The breaker is consulted only here, not on every leased call: it is one lock for all event loops.
     */
    private void askAhead(String key, Lease lease, int limit, long secondsToReset) {
        if (!breaker.allowsCall()) {
            lease.doneAsking(false);
            return;
        }
        long report = lease.report();
        script(key, Integer.toString(limit), ttl(secondsToReset), shadow(), "", Integer.toString(lease.size()),
                Long.toString(report))
                .subscribe().with(reply -> {
                    boolean counterHeld = reply.get(0).toInteger() >= 0;
                    if (!counterHeld) {
                        // The script stopped before it took the report.
                        lease.unreport(report);
                    }
                    long first = counterHeld ? taken(key, reply) : 0;
                    if (first > 0) {
                        keep(key, reply, first, limit);
                    }
                    lease.doneAsking(true);
                }, failure -> {
                    unreportIfNeverSent(lease, report, failure);
                    failed(failure, limit, secondsToReset);
                    lease.doneAsking(false);
                });
    }

    /** Calls reported with a look-up Redis never received are reported with the next. */
    private static void unreportIfNeverSent(Lease lease, long report, Throwable failure) {
        if (RedisBreaker.neverSent(failure)) {
            lease.unreport(report);
        }
    }

    private String ttl(long secondsToReset) {
        return Long.toString(secondsToReset + config.grace().toSeconds());
    }

    private String shadow() {
        return config.shadow() ? "1" : "0";
    }

    private Uni<Response> script(String key, String max, String ttl, String shadow, String start, String want,
            String calls) {
        String callsKey = callsKey(key);
        return counting
                .send(Request.cmd(Command.EVALSHA).arg(SCRIPT_SHA).arg(2).arg(key).arg(callsKey).arg(max).arg(ttl)
                        .arg(shadow).arg(start).arg(want).arg(calls))
                .onFailure(QuotaCounter::isNoScript)
                .recoverWithUni(() -> counting.send(Request.cmd(Command.EVAL).arg(SCRIPT).arg(2).arg(key).arg(callsKey)
                        .arg(max).arg(ttl).arg(shadow).arg(start).arg(want).arg(calls)))
                .ifNoItem().after(config.redisTimeout()).fail();
    }

    /**
     * Gives the unused numbers of leases idle for {@code lease-idle} back to the shared counters, so that
     * the user's calls through other gateways can have them, and reports their calls; leases of past days
     * report theirs and are forgotten.
     */
    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void giveBackIdleLeases() {
        String today = today().toString();
        // Yesterday's tallies stay for the usage copies made after midnight.
        String yesterday = today().minusDays(1).toString();
        tallies.keySet().removeIf(key -> !key.endsWith(":" + today) && !key.endsWith(":" + yesterday));
        long idle = config.leaseIdle().toNanos();
        leases.forEach((key, lease) -> {
            boolean pastDay = !key.endsWith(":" + today);
            if (pastDay) {
                leases.remove(key, lease);
            }
            Lease.Released released = pastDay ? lease.releaseAll() : lease.releaseIfIdle(idle);
            if (released.any()) {
                giveBack(key, released).subscribe().with(before -> announceFreed(key, before.toLong(), released, lease.limit()),
                        failure -> {
                            unreportIfNeverSent(lease, released.calls(), failure);
                            Log.warnf("%d leased numbers of %s could not be given back nor %d calls reported: %s",
                                    released.unused(), key, released.calls(), failure.toString());
                        });
            }
        });
    }

    /**
     * On a clean stop every lease goes back, so that no call a user was counted for is lost with this
     * gateway. On the shutdown event, not in a pre-destroy callback: by the time beans are destroyed,
     * the Redis client is closed.
     */
    void giveBackAllLeases(@Observes ShutdownEvent stopping) {
        leases.forEach((key, lease) -> {
            Lease.Released released = lease.releaseAll();
            if (released.any()) {
                announceFreed(key, giveBack(key, released).await().atMost(config.redisTimeout()).toLong(), released,
                        lease.limit());
            }
        });
    }

    private Uni<Response> giveBack(String key, Lease.Released released) {
        return counting.send(Request.cmd(Command.EVAL).arg(GIVE_BACK).arg(2).arg(key).arg(callsKey(key))
                .arg(Long.toString(released.unused())).arg(Long.toString(released.calls())));
    }

    /**
     * Numbers went back to a counter that was at the limit: gateways (this one included) may have refused
     * the user since, and remember it; they are told the calls are free again. A give-back that only
     * reported calls freed none.
     */
    private void announceFreed(String key, long before, Lease.Released released, int limit) {
        if (released.unused() > 0 && before >= limit) {
            parseKey(key).ifPresent(userDay -> changes.publish(ChangeEvent.quotaFreed(userDay.userId())));
        }
    }

    /** Today's count as last copied to licensing-service; zero, logged and counted, when it does not answer in time. */
    private Uni<Long> durableCount(UUID userId, LocalDate day) {
        return usage.days(userId, day, day)
                .map(days -> days.stream().filter(d -> d.day().equals(day)).mapToLong(UsageClient.Count::calls).max().orElse(0))
                .ifNoItem().after(config.durableCountTimeout()).fail()
                .onFailure().recoverWithItem(failure -> {
                    durableCountFailures.increment();
                    Log.warnf("Today's durable count of user %s is unknown (%s); their counter starts from 0", userId,
                            failure.toString());
                    return 0L;
                });
    }

    /** Today's count for a user without counting anything; a Redis failure is an unavailable problem. */
    public Uni<QuotaView> peek(UUID userId, int limit) {
        Day today = day(clock.millis());
        String key = key(userId, today.date());
        return redis.execute("GET", key)
                .ifNoItem().after(config.redisTimeout()).fail()
                .map(reply -> {
                    long used = reply == null ? 0 : Math.max(0, reply.toLong() - leasedUnused(key));
                    return new QuotaView(limit, used, Math.max(0, limit - used), today.reset().toInstant());
                })
                .onFailure().transform(e -> new ProblemException(QuotaView.UNAVAILABLE,
                        "The call counter cannot be read right now; try again shortly"));
    }

    /** Sets a user's count for today (an administrator's correction) and forgets that they were over. */
    public Uni<Void> set(UUID userId, LocalDate day, int calls) {
        ZonedDateTime now = ZonedDateTime.now(clock.withZone(config.zone()));
        long ttl = Duration.between(now, day.plusDays(1).atStartOfDay(config.zone())).toSeconds() + config.grace().toSeconds();
        if (ttl <= 0) {
            return Uni.createFrom().voidItem();
        }
        String key = key(userId, day);
        return redis.execute("EVAL", SET, "2", key, callsKey(key), Integer.toString(calls), Long.toString(ttl))
                .invoke(() -> {
                    forget(userId);
                    setHere.put(userId, System.nanoTime());
                }).replaceWithVoid();
    }

    /** What this gateway saw of a counter key; empty when it counted none of its calls. */
    public Optional<Tally> tally(String key) {
        return Optional.ofNullable(tallies.get(key));
    }

    /** The account, edition and license a user's calls of a day were counted under here, and the calls refused. */
    public record Tally(UUID accountId, String edition, String licenseId, AtomicInteger refused) {
        Tally(UUID accountId, String edition, String licenseId) {
            this(accountId, edition, licenseId, new AtomicInteger());
        }
    }

    /** How many numbers of the counter this gateway holds leased and has not handed out: counted, not yet called. */
    long leasedUnused(String key) {
        Lease lease = leases.get(key);
        return lease == null ? 0 : lease.outstanding();
    }

    /** Whether Redis is taken to be gone (the breaker is open): the outage policy decides counted calls. */
    public boolean redisGone() {
        return breaker.isOpen();
    }

    /** Today's date in the counters' zone. */
    public LocalDate today() {
        return day(clock.millis()).date();
    }

    /** The counters' day at this instant, worked out once a day rather than for every call. */
    private Day day(long millis) {
        Day known = currentDay;
        if (known != null && known.holds(millis)) {
            return known;
        }
        ZoneId zone = config.zone();
        LocalDate date = Instant.ofEpochMilli(millis).atZone(zone).toLocalDate();
        ZonedDateTime reset = date.plusDays(1).atStartOfDay(zone);
        known = new Day(date, date.atStartOfDay(zone).toInstant().toEpochMilli(), reset, reset.toInstant().toEpochMilli(),
                new ConcurrentHashMap<>());
        currentDay = known;
        return known;
    }

    /** A day in the counters' zone: when it starts and ends, and its users' counter keys as calls asked for them. */
    private record Day(LocalDate date, long startMillis, ZonedDateTime reset, long resetMillis, Map<UUID, String> keys) {
        boolean holds(long millis) {
            return millis >= startMillis && millis < resetMillis;
        }

        long secondsToReset(long millis) {
            return (resetMillis - millis) / 1000;
        }
    }

    /** Another gateway (or this one) changed a user's count: they may no longer be over their limit. */
    void onChange(@Observes ReceivedChange change) {
        UUID userId = change.event().userId();
        if (userId == null) {
            return;
        }
        if (change.event().kind() == ChangeEvent.Kind.QUOTA_CHANGED) {
            Long setAt = setHere.remove(userId);
            // This gateway's own change, forgotten when it was made; an echo that took longer is treated
            // as another gateway's.
            if (setAt == null || System.nanoTime() - setAt > OWN_ECHO_WITHIN.toNanos()) {
                forget(userId);
            }
        } else if (change.event().kind() == ChangeEvent.Kind.QUOTA_FREED) {
            overLimit.removeIf(key -> key.contains(":" + userId + ":"));
        }
    }

    /** Forgets what this gateway knew of the user's counter: the count was set anew, leases included. */
    private void forget(UUID userId) {
        String user = ":" + userId + ":";
        overLimit.removeIf(key -> key.contains(user));
        leases.keySet().removeIf(key -> key.contains(user));
    }

    /** The namespace's counter keys: {@code <namespace>quota:<userId>:<day>}. */
    public String keyPattern() {
        return namespace + "quota:*";
    }

    public String key(UUID userId, LocalDate day) {
        return namespace + "quota:" + userId + ":" + day;
    }

    /**
     * The calls made with a counter's numbers, as the gateways report them: the counter itself also holds
     * numbers leased and not used yet. Named after the counter in braces, so a Redis Cluster keeps both in
     * one slot (and one script can use both), and no counter pattern matches it.
     */
    public String callsKey(String key) {
        return "{" + key + "}:calls";
    }

    /** A counter key's user and day; empty for any other key. The one reader of what {@link #key} writes. */
    public Optional<UserDay> parseKey(String key) {
        String prefix = namespace + "quota:";
        if (!key.startsWith(prefix)) {
            return Optional.empty();
        }
        String[] parts = key.substring(prefix.length()).split(":");
        try {
            return parts.length == 2 ? Optional.of(new UserDay(UUID.fromString(parts[0]), LocalDate.parse(parts[1])))
                    : Optional.empty();
        } catch (IllegalArgumentException | java.time.format.DateTimeParseException e) {
            return Optional.empty();
        }
    }

    /** Whose counter and which day. */
    public record UserDay(UUID userId, LocalDate day) {
    }

    /**
     * Redis's answer to a call: refused, or this call's number and (for a lease) the numbers after it kept for the next calls.
     */
    private QuotaDecision decided(String key, UUID userId, LocalDate day, ZonedDateTime reset, Response reply, int limit,
            long secondsToReset, boolean leasing) {
        long first = taken(key, reply);
        if (first == 0) {
            return new QuotaDecision(false, true, limit, Math.max(0, limit - reply.get(1).toLong()), secondsToReset);
        }
        if (leasing) {
            keep(key, reply, first + 1, limit);
        }
        lease(key).handedOut();
        return admitted(userId, day, reset, first, limit, secondsToReset);
    }

    /** The first number the script granted from a counter that exists; 0 when it refused, which is remembered. */
    private long taken(String key, Response reply) {
        breaker.succeeded();
        long granted = reply.get(0).toLong();
        if (granted <= 0) {
            overLimit.add(key);
            return 0;
        }
        return reply.get(1).toLong() - granted + 1;
    }

    /** Keeps the numbers a look-up for a whole lease granted, from {@code from} on, for the calls that follow. */
    private void keep(String key, Response reply, long from, int limit) {
        lease(key).add(from, reply.get(1).toLong(), reply.get(0).toLong(), limit);
    }

    private Lease lease(String key) {
        return leases.computeIfAbsent(key,
                k -> new Lease(config.leaseSize(), config.leaseMaxSize(), config.leaseSpan(), clock));
    }

    /** The call got number {@code number} of the day. */
    private QuotaDecision admitted(UUID userId, LocalDate day, ZonedDateTime reset, long number, int limit,
            long secondsToReset) {
        if (number > limit) {
            shadowRefusals.increment();
        } else if (!config.shadow()) {
            notices.counted(userId, day, reset, number, limit);
        }
        return new QuotaDecision(true, true, limit, Math.max(0, limit - number), secondsToReset);
    }

    /** Keys of past days are forgotten as the day turns, so the set holds one day at most. */
    private boolean knownOverLimit(String key, LocalDate day) {
        if (!day.equals(overLimitDay)) {
            overLimit.clear();
            overLimitDay = day;
        }
        return overLimit.contains(key);
    }

    /**
     * A refused connection means Redis is gone and the call was not counted: the outage policy decides
     * it. Any other failure (a reply later than the stall limit, a connection lost mid-call) leaves
     * unknown whether the script ran, so the call is neither admitted uncounted nor counted again: it
     * gets a 503 and the caller retries. Either way the failure counts towards opening the breaker.
     */
    private QuotaDecision failed(Throwable failure, int limit, long secondsToReset) {
        redisFailures.increment();
        breaker.failed(failure);
        if (RedisBreaker.neverSent(failure)) {
            return outagePolicy(limit, secondsToReset);
        }
        Log.debugf("A quota count failed without a known outcome: %s", failure);
        return outcomeUnknown(limit, secondsToReset);
    }

    /** Whether Redis counted the call is unknown: neither admitted uncounted nor counted again; a 503 to retry. */
    private static QuotaDecision outcomeUnknown(int limit, long secondsToReset) {
        return new QuotaDecision(false, false, limit, limit, secondsToReset);
    }

    /** Redis is gone: admit uncounted (fail-open) or refuse with 503 (fail-closed). */
    private QuotaDecision outagePolicy(int limit, long secondsToReset) {
        return new QuotaDecision(config.failOpen(), false, limit, limit, secondsToReset);
    }

    private static boolean isNoScript(Throwable failure) {
        return failure.getMessage() != null && failure.getMessage().startsWith("NOSCRIPT");
    }

    private static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
