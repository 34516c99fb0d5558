package io.srecopilot.platform.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * One real Prometheus behind basic authentication for the tests of a module ({@link #server()}),
 * scraping every second a {@link MetricsTarget} whose gauges tests set ({@link #target()}).
 */
public class PrometheusResource implements QuarkusTestResourceLifecycleManager {

    private static PrometheusServer server;
    private static MetricsTarget target;

    public static PrometheusServer server() {
        return server;
    }

    public static MetricsTarget target() {
        return target;
    }

    @Override
    public Map<String, String> start() {
        target = MetricsTarget.start();
        server = PrometheusServer.start(true, """
                - job_name: target
                  static_configs:
                    - targets: ['%s']
                """.formatted(target.address()));
        return Map.of();
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
        if (target != null) {
            target.stop();
        }
    }
}
