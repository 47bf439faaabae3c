package org.portal.users.notifications;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Something portal staff must hear, waiting to be mailed to each portal administrator by {@link StaffNoticeRelay}. */
@Entity
@Table(name = "staff_notices")
public class StaffNotice extends PanacheEntityBase {

    @Id
    public UUID id;
    public String kind;
    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, String> facts;
    public Instant createdAt;
    public Instant nextAttemptAt;
    public int attempts;
    public String lastError;
    public Instant mailedAt;
}
