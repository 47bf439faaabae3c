package org.portal.licensing.licenses;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.portal.audit.AuditTrail;
import org.portal.events.ChangeEvent;
import org.portal.licensing.catalogue.Catalogue;
import org.portal.licensing.catalogue.Edition;
import org.portal.licensing.catalogue.MainProduct;
import org.portal.licensing.config.LicensingConfig;
import org.portal.licensing.ledger.LedgerAction;
import org.portal.licensing.ledger.SeatLedger;
import org.portal.problem.NotFound;

@ApplicationScoped
public class LicenseService {

    private final LicenseFileVerifier verifier;
    private final Catalogue catalogue;
    private final LicensingConfig config;
    private final Clock clock;
    private final SeatRebalancing seats;
    private final SeatLedger ledger;
    private final Event<ChangeEvent> changes;
    private final AuditTrail audit;

    public LicenseService(LicenseFileVerifier verifier, Catalogue catalogue, LicensingConfig config, Clock clock,
            SeatRebalancing seats, SeatLedger ledger, Event<ChangeEvent> changes, AuditTrail audit) {
        this.audit = audit;
        this.verifier = verifier;
        this.catalogue = catalogue;
        this.config = config;
        this.clock = clock;
        this.seats = seats;
        this.ledger = ledger;
        this.changes = changes;
    }

    /** {@code overLimitSeats}: users whose seats a replacement with fewer seats left beyond the limit. */
    public record Imported(License license, boolean created, List<UUID> overLimitSeats) {
    }

    /**
     * Imports a license file after every check has passed. The same file again changes nothing; a file
     * issued later for the same license id replaces the terms of the earlier one.
     */
    @Transactional
    public Imported importFile(String compact, String importedBy) {
        LicenseFile file = verifier.verify(compact);
        if (!config.installationId().equals(file.installation())) {
            throw new LicenseRefused(LicenseRefused.INSTALLATION, "The license is issued to installation '"
                    + file.installation() + "', this is '" + config.installationId() + "'");
        }
        if (file.validUntil() != null && file.validUntil().isBefore(LocalDate.now(clock))) {
            throw new LicenseRefused(LicenseRefused.EXPIRED, "The license was valid until " + file.validUntil());
        }
        if (file.validUntil() != null && file.validUntil().isBefore(file.validFrom())) {
            throw new LicenseRefused(LicenseRefused.MALFORMED, "The license ends before it starts");
        }
        Edition edition = catalogue.edition(file.edition()).orElseThrow(() -> new LicenseRefused(
                LicenseRefused.UNKNOWN_TERMS, "Unknown edition '" + file.edition() + "'"));
        MainProduct product = catalogue.product(file.mainProduct()).orElseThrow(() -> new LicenseRefused(
                LicenseRefused.UNKNOWN_TERMS, "Unknown main product '" + file.mainProduct() + "'"));
        if (!edition.allowedProducts.contains(product.code)) {
            throw new LicenseRefused(LicenseRefused.INCOMPATIBLE, "The " + edition.title + " may not be used with "
                    + product.title + "; it is allowed with: "
                    + String.join(", ", edition.allowedProducts.stream().sorted().toList()));
        }

        License existing = License.findById(file.licenseId(), LockModeType.PESSIMISTIC_WRITE);
        if (existing != null && existing.licenseFile.equals(file.compact())) {
            return new Imported(existing, false, seats.rebalance(existing, importedBy));
        }
        if (existing != null && !file.issuedAt().isAfter(existing.issuedAt)) {
            throw new LicenseRefused(LicenseRefused.SUPERSEDED, "License " + file.licenseId() + " issued at "
                    + existing.issuedAt + " is already imported; this file was issued at " + file.issuedAt());
        }
        LicenseView before = existing == null ? null : LicenseView.from(existing);
        License license = existing != null ? existing : new License();
        license.id = file.licenseId();
        license.installation = file.installation();
        license.editionCode = edition.code;
        license.productCode = product.code;
        license.productUsers = file.mainProductUsers();
        license.seatsInFile = file.seats();
        license.seats = edition.seatAllowance(file.seats(), file.mainProductUsers()).seats();
        license.validFrom = file.validFrom();
        license.validUntil = file.validUntil();
        license.issuedAt = file.issuedAt();
        license.importedAt = Instant.now(clock);
        license.importedBy = importedBy;
        license.licenseFile = file.compact();
        if (existing == null) {
            license.persist();
        }
        String terms = edition.code + " on " + product.code + ", " + license.seats + " seats"
                + (license.seats < file.seats() ? " (" + file.seats() + " in the file, capped by the edition)" : "")
                + ", valid " + license.validFrom + " to " + (license.validUntil == null ? "perpetual" : license.validUntil);
        ledger.record(existing == null ? LedgerAction.LICENSE_IMPORTED : LedgerAction.LICENSE_REPLACED, license.id, null,
                importedBy, terms);
        audit.recordOnBehalfOf(importedBy, existing == null ? "license.imported" : "license.replaced", "license", license.id,
                null, before, LicenseView.from(license));
        List<UUID> overLimit = seats.rebalance(license, importedBy);
        changes.fire(ChangeEvent.licenseChanged(license.id));
        return new Imported(license, existing == null, overLimit);
    }

    @Transactional
    public List<License> list() {
        return License.listAll(io.quarkus.panache.common.Sort.by("id"));
    }

    @Transactional
    public License get(String id) {
        return License.<License> findByIdOptional(id).orElseThrow(() -> new NotFound("No license " + id));
    }
}
