package org.portal.licensing.entitlements;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.portal.licensing.catalogue.Catalogue;
import org.portal.licensing.catalogue.Edition;
import org.portal.licensing.catalogue.MainProduct;
import org.portal.licensing.licenses.License;
import org.portal.licensing.seats.Seat;

@ApplicationScoped
public class EntitlementService {

    private final Catalogue catalogue;
    private final Clock clock;

    public EntitlementService(Catalogue catalogue, Clock clock) {
        this.catalogue = catalogue;
        this.clock = clock;
    }

    @Transactional
    public Entitlement of(UUID userId) {
        Seat seat = Seat.findById(userId);
        if (seat == null) {
            throw new NoEntitlement("User " + userId + " holds no portal seat");
        }
        if (seat.overLimit) {
            throw new NoEntitlement("The seat of user " + userId + " is over the limit of license " + seat.licenseId
                    + ", which now has fewer seats than are given");
        }
        License license = License.findById(seat.licenseId);
        LocalDate today = LocalDate.now(clock);
        if (!license.validOn(today)) {
            throw new NoEntitlement("The seat of user " + userId + " belongs to license " + license.id
                    + ", which is not valid today (" + license.validFrom + " to "
                    + (license.validUntil == null ? "perpetual" : license.validUntil) + ")");
        }
        Edition edition = catalogue.edition(license.editionCode).orElseThrow();
        MainProduct product = catalogue.product(license.productCode).orElseThrow();
        var sections = catalogue.grantedSections(edition, product).entrySet().stream()
                .map(e -> new Entitlement.SectionGrant(e.getKey(), e.getValue()))
                .toList();
        return new Entitlement(userId, license.id, edition.code, product.code, sections, edition.customSectionLimit,
                edition.dailyCallLimit, license.validFrom, license.validUntil);
    }
}
