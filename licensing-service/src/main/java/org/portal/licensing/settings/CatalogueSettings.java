package org.portal.licensing.settings;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.portal.audit.AuditTrail;
import org.portal.events.ChangeEvent;
import org.portal.licensing.catalogue.Edition;
import org.portal.licensing.catalogue.MainProduct;
import org.portal.licensing.catalogue.Module;
import org.portal.licensing.licenses.License;
import org.portal.problem.InvalidFields;
import org.portal.problem.NotFound;
import org.portal.problem.Problem;

/**
 * The catalogue settings operators change without a release: an edition's daily call limit and the
 * modules a main product contains. Each change is audited and announced as a change of every license
 * it touches, so the gateway and the services reload those holders' entitlements at once.
 */
@ApplicationScoped
public class CatalogueSettings {

    private final AuditTrail audit;
    private final Event<ChangeEvent> changes;

    public CatalogueSettings(AuditTrail audit, Event<ChangeEvent> changes) {
        this.audit = audit;
        this.changes = changes;
    }

    @Transactional
    public Edition setDailyCallLimit(String editionCode, int limit) {
        Edition edition = Edition.<Edition> findByIdOptional(editionCode, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> new NotFound("No edition " + editionCode));
        int before = edition.dailyCallLimit;
        edition.dailyCallLimit = limit;
        audit.record("catalogue.daily-call-limit-changed", "edition", edition.code, null, Map.of("dailyCallLimit", before),
                Map.of("dailyCallLimit", limit));
        announce(License.list("editionCode", edition.code));
        return edition;
    }

    @Transactional
    public MainProduct setModules(String productCode, Set<String> modules) {
        MainProduct product = MainProduct.<MainProduct> findByIdOptional(productCode, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> new NotFound("No main product " + productCode));
        Set<String> known = new TreeSet<>(Module.codes());
        List<Problem.FieldError> unknown = modules.stream().filter(module -> !known.contains(module)).sorted()
                .map(module -> new Problem.FieldError("modules", "'" + module + "' is not a module; known: " + known))
                .toList();
        if (!unknown.isEmpty()) {
            throw new InvalidFields(unknown);
        }
        Set<String> before = new TreeSet<>(product.modules);
        product.modules.clear();
        product.modules.addAll(modules);
        audit.record("catalogue.product-modules-changed", "main-product", product.code, null, Map.of("modules", before),
                Map.of("modules", new TreeSet<>(modules)));
        announce(License.list("productCode", product.code));
        return product;
    }

    private void announce(List<License> licenses) {
        licenses.forEach(license -> changes.fire(ChangeEvent.licenseChanged(license.id)));
    }
}
