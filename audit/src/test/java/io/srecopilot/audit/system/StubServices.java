package io.srecopilot.audit.system;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.Executors;

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
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException("The service stubs could not listen", e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/ready/q/health/ready", exchange -> send(exchange, 200, report("UP", "UP")));
        server.createContext("/down/q/health/ready", exchange -> send(exchange, 503, report("DOWN", "DOWN")));
        server.createContext("/broken/q/health/ready", exchange -> send(exchange, 500, "<html>Internal error</html>"));
        server.createContext("/slow/q/health/ready", exchange -> {
            try {
                Thread.sleep(3_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            send(exchange, 200, report("UP", "UP"));
        });
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
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

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }
}
