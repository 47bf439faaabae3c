package org.portal.gateway;

import org.junit.jupiter.api.Test;
import org.portal.testsupport.FeaturePackages;

class PackagesTest {

    @Test
    void featurePackagesHaveNoCycles() {
        FeaturePackages.assertFreeOfCycles("org.portal.gateway");
    }
}
