package org.portal.gateway.quota;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.portal.gateway.access.Absent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.logging.Log;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.scheduler.Scheduled;

/**
 * Tells a portal user when they have used 80 % of their daily calls and when they have used them all.
 * The call whose count reaches the mark (exactly one call per user, day and mark, since the count is
 * exact) queues a notice on a Redis list; every gateway hands the list to portal-users-service on a
 * schedule, putting a notice back when that service cannot take it. The notice's id is derived from
 * user, day and mark, so a notice handed on twice is mailed once. Like the counters, the list lives in
 * Redis: losing Redis loses at most notices not yet handed on.
 */
@ApplicationScoped
public class QuotaNotices {

    private static final int BATCH = 50;
    private static final DateTimeFormatter RESET = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z");

    /** The marks; their codes are portal-users-service's notification kinds. */
    enum Mark {
        WARNING("quota-warning"),
        REACHED("quota-reached");

        final String kind;

        Mark(String kind) {
            this.kind = kind;
        }
    }

    record Notice(UUID userId, LocalDate day, Mark mark, long used, int limit, String resetsAt) {
    }

    private final ReactiveRedisDataSource redis;
    private final RedisDataSource blockingRedis;
    private final QuotaNoticeClient portalUsers;
    private final ObjectMapper json;
    private final String key;

    public QuotaNotices(ReactiveRedisDataSource redis, RedisDataSource blockingRedis, @RestClient QuotaNoticeClient portalUsers,
            ObjectMapper json, @ConfigProperty(name = "portal.redis-namespace", defaultValue = "portal:") String namespace) {
        this.redis = redis;
        this.blockingRedis = blockingRedis;
        this.portalUsers = portalUsers;
        this.json = json;
        this.key = namespace + "quota-notices";
    }

    /** The mark this count reaches, if any: the warning at 80 % of the limit (rounded up), the end at the limit. */
    static Mark markReached(long used, int limit) {
        if (used == limit) {
            return Mark.REACHED;
        }
        return used == (limit * 4L + 4) / 5 ? Mark.WARNING : null;
    }

    /** Queues the notice if this admitted call's count reaches a mark; never holds up the call. */
    void counted(UUID userId, ZonedDateTime now, ZonedDateTime reset, long used, int limit) {
        Mark mark = markReached(used, limit);
        if (mark == null) {
            return;
        }
        String item = write(new Notice(userId, now.toLocalDate(), mark, used, limit, reset.format(RESET)));
        redis.list(String.class).rpush(key, item).subscribe().with(length -> {
        }, failure -> Log.warnf("The %s notice for user %s was not queued: %s", mark.kind, userId, failure.toString()));
    }

    @Scheduled(every = "${portal.quota-notices.every:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void handOn() {
        var list = blockingRedis.list(String.class);
        for (int i = 0; i < BATCH; i++) {
            String item = list.lpop(key);
            if (item == null) {
                return;
            }
            Notice notice;
            try {
                notice = json.readValue(item, Notice.class);
            } catch (JsonProcessingException e) {
                Log.errorf("An unreadable quota notice dropped: %s", item);
                continue;
            }
            try {
                portalUsers.notify(new QuotaNoticeClient.Notification(idOf(notice), notice.mark().kind, notice.userId(),
                        Map.of("used", Long.toString(notice.used()), "limit", Integer.toString(notice.limit()), "resetsAt",
                                notice.resetsAt())));
            } catch (Absent gone) {
                Log.infof("The %s notice for user %s dropped: no portal user", notice.mark().kind, notice.userId());
            } catch (RuntimeException e) {
                list.lpush(key, item);
                Log.warnf("Quota notices wait: portal-users-service did not take one (%s)", e.toString());
                return;
            }
        }
    }

    /** The same for the same user, day and mark, whichever gateway hands it on and how often. */
    static UUID idOf(Notice notice) {
        return UUID.nameUUIDFromBytes(("quota|" + notice.mark().kind + "|" + notice.userId() + "|" + notice.day())
                .getBytes(StandardCharsets.UTF_8));
    }

    private String write(Notice notice) {
        try {
            return json.writeValueAsString(notice);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
