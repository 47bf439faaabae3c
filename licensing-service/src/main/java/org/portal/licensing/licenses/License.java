package org.portal.licensing.licenses;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@Table(name = "licenses")
public class License extends PanacheEntityBase {

    /** The longest license id (and other text claim) a license file may carry. */
    public static final int ID_MAX_LENGTH = 100;

    @Id
    public String id;
    public String installation;
    public String editionCode;
    public String productCode;
    public int productUsers;
    public int seatsInFile;
    public int seats;
    public LocalDate validFrom;
    public LocalDate validUntil;
    public Instant issuedAt;
    public Instant importedAt;
    public String importedBy;
    public String licenseFile;

    public boolean validOn(LocalDate day) {
        return !day.isBefore(validFrom) && (validUntil == null || !day.isAfter(validUntil));
    }
}
