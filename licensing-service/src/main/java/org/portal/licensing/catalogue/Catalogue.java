package org.portal.licensing.catalogue;

import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Answers questions about editions and main products from the catalogue data. */
@ApplicationScoped
public class Catalogue {

    @Transactional
    public Optional<Edition> edition(String code) {
        return Edition.findByIdOptional(code);
    }

    @Transactional
    public Optional<MainProduct> product(String code) {
        return MainProduct.findByIdOptional(code);
    }

    /**
     * The base sections an edition grants on a main product, with their operations: a section is
     * offered only where the product contains the section's module.
     */
    @Transactional
    public Map<String, Set<Operation>> grantedSections(Edition edition, MainProduct product) {
        Set<String> offered = BaseSection.<BaseSection> listAll().stream()
                .filter(section -> product.modules.contains(section.moduleCode))
                .map(section -> section.code)
                .collect(Collectors.toSet());
        Map<String, Set<Operation>> granted = new TreeMap<>();
        edition.grants.stream()
                .filter(grant -> offered.contains(grant.section))
                .forEach(grant -> granted.computeIfAbsent(grant.section, s -> EnumSet.noneOf(Operation.class))
                        .add(grant.operation));
        return granted;
    }
}
