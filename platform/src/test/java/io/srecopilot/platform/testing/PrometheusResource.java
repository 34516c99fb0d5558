package io.srecopilot.platform.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/** One real Prometheus behind basic authentication for the tests of a module: {@link #server()}. */
public class PrometheusResource implements QuarkusTestResourceLifecycleManager {

    private static PrometheusServer server;

    public static PrometheusServer server() {
        return server;
    }

    @Override
    public Map<String, String> start() {
        server = PrometheusServer.start(true, "");
        return Map.of();
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
