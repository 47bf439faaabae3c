package org.portal.licensing.seats;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** Seats of one edition that an account's administrators may give out themselves. */
@Entity
@Table(name = "seat_budgets")
public class SeatBudget extends PanacheEntityBase {

    @EmbeddedId
    public Key key;
    public int seats;
    public Instant updatedAt;
    public String updatedBy;

    @Embeddable
    public record Key(UUID accountId, String editionCode) {
    }
}
