package io.srecopilot.audit.system;

import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.srecopilot.platform.testing.LoopbackHttp;
import java.util.Map;

/**
 * Stand-ins for the other services' readiness endpoints, one behaviour each: auth ready, incidents
 * answering 503 with a failed check, ingest answering 500 without a report, realtime too slow, ai
 * not listening at all; audit is asked for real (the service under test).
 */
public class StubServices implements QuarkusTestResourceLifecycleManager {

    static final String HIDDEN_DATA = "db.internal.example:5432";
    private HttpServer server;

    @Override
    public Map<String, String> start() {
        server = LoopbackHttp.start(Map.of(
                "/ready/q/health/ready", exchange -> LoopbackHttp.respond(exchange, 200, report("UP", "UP")),
                "/down/q/health/ready", exchange -> LoopbackHttp.respond(exchange, 503, report("DOWN", "DOWN")),
                "/broken/q/health/ready", exchange -> LoopbackHttp.respond(exchange, 500, "<html>Internal error</html>"),
                "/slow/q/health/ready", exchange -> {
                    try {
                        Thread.sleep(3_000);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    LoopbackHttp.respond(exchange, 200, report("UP", "UP"));
                }));
        String base = LoopbackHttp.baseUrl(server);
        return Map.of("sre.system.services.auth", base + "/ready",
                "sre.system.services.incidents", base + "/down/",
                "sre.system.services.ingest", base + "/broken",
                "sre.system.services.realtime", base + "/slow",
                "sre.system.services.ai", "http://127.0.0.1:1",
                "sre.system.timeout", "1s",
                "sre.system.reuse-for", "1ms");
    }

    /** A SmallRye Health report with the data a real one carries, which must not be passed on. */
    private static String report(String status, String database) {
        return """
                {"status":"%s","checks":[{"name":"Reactive PostgreSQL connections health check","status":"%s",
                "data":{"<default>":"%s"}},{"name":"Redis connection health check","status":"UP"}]}
                """.formatted(status, database, HIDDEN_DATA);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
