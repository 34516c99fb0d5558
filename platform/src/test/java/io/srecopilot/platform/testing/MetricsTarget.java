package io.srecopilot.platform.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A scrape target whose gauges a test sets: serves them on {@code /metrics} in the Prometheus text
 * format, so a real Prometheus records exactly the series a test wants to see.
 */
public final class MetricsTarget {

    private final HttpServer server;
    private final Map<String, Double> gauges = new ConcurrentHashMap<>();

    private MetricsTarget(HttpServer server) {
        this.server = server;
    }

    public static MetricsTarget start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            MetricsTarget target = new MetricsTarget(server);
            server.createContext("/metrics", exchange -> {
                byte[] body = target.exposition().getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "text/plain; version=0.0.4");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Host and port, as a Prometheus static target. */
    public String address() {
        return "127.0.0.1:" + server.getAddress().getPort();
    }

    /** {@code series}: a metric name with its labels, e.g. {@code queue_depth{service="checkout"}}. */
    public void set(String series, double value) {
        gauges.put(series, value);
    }

    public void stop() {
        server.stop(0);
    }

    private String exposition() {
        StringBuilder text = new StringBuilder();
        gauges.forEach((series, value) -> text.append(series).append(' ').append(value).append('\n'));
        return text.toString();
    }
}
