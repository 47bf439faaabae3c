package org.portal.licensing.catalogue;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

public record CatalogueView(List<EditionView> editions, List<ProductView> products, List<SectionView> sections) {

    public record EditionView(String code, String title, String audience, Price subscription, Price perpetual,
            int customSectionLimit, int dailyCallLimit, Integer maxFreeUsers, Integer freeUsersPerProductUser,
            Map<String, Set<Operation>> grants, Set<String> allowedProducts) {

        public static EditionView from(Edition e) {
            Map<String, Set<Operation>> grants = new TreeMap<>();
            e.grants.forEach(g -> grants.computeIfAbsent(g.section, s -> new TreeSet<>()).add(g.operation));
            return new EditionView(e.code, e.title, e.audience, new Price(e.subscriptionTerms, e.priceUsdPerUserYear),
                    new Price(e.perpetualTerms, null), e.customSectionLimit, e.dailyCallLimit, e.maxFreeUsers,
                    e.freeUsersPerProductUser, grants, new TreeSet<>(e.allowedProducts));
        }
    }

    /** {@code terms} is free, list (the price applies, USD per user and year) or on-request. */
    public record Price(String terms, BigDecimal usdPerUserYear) {
    }

    public record ProductView(String code, String title, Set<String> modules) {
        public static ProductView from(MainProduct p) {
            return new ProductView(p.code, p.title, new TreeSet<>(p.modules));
        }
    }

    public record SectionView(String code, String title, String module) {
        static SectionView from(BaseSection s) {
            return new SectionView(s.code, s.title, s.moduleCode);
        }
    }

    static CatalogueView of(List<Edition> editions, List<MainProduct> products, List<BaseSection> sections) {
        return new CatalogueView(
                editions.stream().sorted(Comparator.comparing(e -> e.code)).map(EditionView::from).toList(),
                products.stream().sorted(Comparator.comparing(p -> p.code)).map(ProductView::from).toList(),
                sections.stream().sorted(Comparator.comparing(s -> s.code)).map(SectionView::from).toList());
    }
}
