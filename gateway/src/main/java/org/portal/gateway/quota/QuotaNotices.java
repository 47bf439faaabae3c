package org.portal.gateway.quota;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

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
 * The first call a gateway admits at or past a mark queues a notice on a Redis list; every gateway hands the list to
 * portal-users-service on a
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
        WARNING("quota-warning", 80),
        REACHED("quota-reached", 100);

        final String kind;
        private final int percent;

        Mark(String kind, int percent) {
            this.kind = kind;
            this.percent = percent;
        }

        /** The call number at which the mark is reached: its share of the limit, rounded up. */
        long at(int limit) {
            return (limit * (long) percent + 99) / 100;
        }
    }

    record Notice(UUID userId, LocalDate day, Mark mark, long used, int limit, String resetsAt) {
    }

    private final ReactiveRedisDataSource redis;
    private final RedisDataSource blockingRedis;
    private final QuotaNoticeClient portalUsers;
    private final ObjectMapper json;
    private final String key;
    /** The users and marks this gateway queued notices for today. */
    private final Set<String> told = ConcurrentHashMap.newKeySet();
    private volatile LocalDate toldDay;

    public QuotaNotices(ReactiveRedisDataSource redis, RedisDataSource blockingRedis, @RestClient QuotaNoticeClient portalUsers,
            ObjectMapper json, @ConfigProperty(name = "portal.redis-namespace", defaultValue = "portal:") String namespace) {
        this.redis = redis;
        this.blockingRedis = blockingRedis;
        this.portalUsers = portalUsers;
        this.json = json;
        this.key = namespace + "quota-notices";
    }

    /**
     * Queues a notice for each mark this admitted call's number reaches that this gateway has not queued
     * today; never holds up the call. The number, not equality with the mark, decides: numbers leased
     * and given back may skip the mark itself.
     */
    void counted(UUID userId, LocalDate day, ZonedDateTime reset, long number, int limit) {
        if (number < Mark.WARNING.at(limit)) {
            return;
        }
        if (!day.equals(toldDay)) {
            told.clear();
            toldDay = day;
        }
        for (Mark mark : Mark.values()) {
            if (number >= mark.at(limit) && told.add(userId + "|" + mark)) {
                String item = write(new Notice(userId, day, mark, number, limit, reset.format(RESET)));
                redis.list(String.class).rpush(key, item).subscribe().with(length -> {
                }, failure -> Log.warnf("The %s notice for user %s was not queued: %s", mark.kind, userId, failure.toString()));
            }
        }
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
