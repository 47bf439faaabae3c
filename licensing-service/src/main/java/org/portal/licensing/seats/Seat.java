package org.portal.licensing.seats;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@Table(name = "seats")
public class Seat extends PanacheEntityBase {

    @Id
    public UUID userId;
    public String licenseId;
    public Instant assignedAt;
    public String assignedBy;
    /** Beyond what the license now allows: kept and reported, but grants nothing. */
    public boolean overLimit;
    /** The account whose seat budget this seat came from; null when staff gave it outside any budget. */
    public UUID budgetAccountId;
}
