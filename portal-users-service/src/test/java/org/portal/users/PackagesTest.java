package org.portal.users;

import org.junit.jupiter.api.Test;
import org.portal.testsupport.FeaturePackages;

class PackagesTest {

    @Test
    void featurePackagesHaveNoCycles() {
        FeaturePackages.assertFreeOfCycles("org.portal.users");
    }
}
