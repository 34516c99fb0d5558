package io.srecopilot.platform.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.srecopilot.platform.security.Role;
import java.util.Map;

/**
 * One real Prometheus behind basic authentication for the tests of a module ({@link #server()}),
 * scraping every second a {@link MetricsTarget} whose gauges tests set ({@link #target()}), and
 * a real Alertmanager it sends alerts to, which delivers them to the application under test's
 * Alertmanager webhook as {@link #alertmanagerSender()}. The rule: {@code SreTestQueueTooDeep}
 * fires while {@code sre_test_am_queue > 100}.
 */
public class PrometheusResource implements QuarkusTestResourceLifecycleManager {

    private static PrometheusServer server;
    private static MetricsTarget target;
    private static AlertmanagerServer alertmanager;
    private static TestCaller sender;

    public static PrometheusServer server() {
        return server;
    }

    public static MetricsTarget target() {
        return target;
    }

    public static String alertmanagerUrl() {
        return "http://" + alertmanager.address();
    }

    /** The project whose engineer's credential Alertmanager delivers with. */
    public static TestCaller alertmanagerSender() {
        return sender;
    }

    @Override
    public Map<String, String> start() {
        int appPort = TcpPorts.free();
        sender = TestCaller.newTenant(Role.ENGINEER);
        target = MetricsTarget.start();
        alertmanager = AlertmanagerServer.start("http://127.0.0.1:" + appPort + "/api/v1/ingest/alertmanager",
                sender.token());
        server = PrometheusServer.start(true, """
                - job_name: target
                  static_configs:
                    - targets: ['%s']
                """.formatted(target.address()), """
                - alert: SreTestQueueTooDeep
                  expr: sre_test_am_queue > 100
                  labels: {severity: page}
                  annotations: {summary: 'The queue of {{ $labels.service }} is {{ $value }} deep'}
                """, alertmanager.address());
        return Map.of("quarkus.http.test-port", Integer.toString(appPort));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
        if (target != null) {
            target.stop();
        }
        if (alertmanager != null) {
            alertmanager.stop();
        }
    }
}
