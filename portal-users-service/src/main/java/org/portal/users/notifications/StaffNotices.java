package org.portal.users.notifications;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Asks for portal staff to be told something, in the caller's transaction. The notice's id is derived
 * from its cause ({@link #idOf}), so a cause seen twice (a watch that runs again, a service that asks
 * again after a lost answer) tells staff once.
 */
@ApplicationScoped
public class StaffNotices {

    private final Clock clock;
    private final ObjectMapper json;

    public StaffNotices(Clock clock, ObjectMapper json) {
        this.clock = clock;
        this.json = json;
    }

    /** The notice's id for a cause named by its parts, the same every time the same cause is seen. */
    public static UUID idOf(StaffNoticeKind kind, Object... cause) {
        StringBuilder name = new StringBuilder(kind.code());
        for (Object part : cause) {
            name.append('|').append(part);
        }
        return UUID.nameUUIDFromBytes(name.toString().getBytes(StandardCharsets.UTF_8));
    }

    /**
     * In the caller's transaction where there is one. {@code facts} fill the kind's template; every key it
     * names must be there. False when this notice was given already.
     */
    @Transactional
    public boolean tell(UUID id, StaffNoticeKind kind, Map<String, String> facts) {
        Instant now = Instant.now(clock);
        int inserted = StaffNotice.getEntityManager().createNativeQuery("""
                INSERT INTO staff_notices (id, kind, facts, created_at, next_attempt_at)
                VALUES (:id, :kind, cast(:facts as jsonb), :now, :now) ON CONFLICT (id) DO NOTHING""")
                .setParameter("id", id).setParameter("kind", kind.code()).setParameter("facts", json(facts))
                .setParameter("now", now).executeUpdate();
        return inserted == 1;
    }

    private String json(Map<String, String> facts) {
        try {
            return json.writeValueAsString(facts);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
