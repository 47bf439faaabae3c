package org.portal.testsupport;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * A service's feature packages depend on each other in one direction only: a package that needs
 * another's idea uses the owning package, and the owner never reaches back (docs/architecture.md,
 * "Where each rule lives").
 */
public final class FeaturePackages {

    private FeaturePackages() {
    }

    /** Fails naming every cycle among the packages directly under {@code root} (main code only). */
    public static void assertFreeOfCycles(String root) {
        slices().matching(root + ".(*)..").should().beFreeOfCycles()
                .check(new ClassFileImporter().withImportOption(new ImportOption.DoNotIncludeTests()).importPackages(root));
    }
}
