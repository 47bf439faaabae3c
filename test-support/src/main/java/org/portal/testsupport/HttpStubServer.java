package org.portal.testsupport;

import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * An HTTP server standing in for the neighbouring services in a module's tests; each test sets its
 * answers. Configure with the init argument {@code urls}: the comma-separated properties to point
 * at it. The end-to-end suite runs the real services instead.
 */
public class HttpStubServer implements QuarkusTestResourceLifecycleManager {

    private static WireMockServer server;
    private String[] urlProperties = new String[0];

    @Override
    public void init(Map<String, String> initArgs) {
        urlProperties = initArgs.getOrDefault("urls", "").split(",");
    }

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        return Arrays.stream(urlProperties).map(String::strip).filter(p -> !p.isEmpty())
                .collect(Collectors.toMap(p -> p, p -> server.baseUrl()));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    public static WireMockServer server() {
        return server;
    }
}
