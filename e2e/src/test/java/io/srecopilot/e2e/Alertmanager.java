package io.srecopilot.e2e;

import static io.restassured.RestAssured.given;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Debian's Alertmanager, delivering to the stack's ingest with an API key as a team configures it,
 * its waits shortened (1 s) so a test does not sit through the 30 s default grouping. Clustering
 * off; its files in a directory of its own, removed when it stops.
 */
public final class Alertmanager implements AutoCloseable {

    private static final String BINARY = System.getProperty("sre.alertmanager", "/usr/bin/prometheus-alertmanager");

    private final Process process;
    private final Path dir;
    private final String url;

    private Alertmanager(Process process, Path dir, String url) {
        this.process = process;
        this.dir = dir;
        this.url = url;
    }

    public static Alertmanager deliveringTo(Stack stack, String apiKey) throws IOException, InterruptedException {
        Path dir = Files.createTempDirectory("sre-e2e-alertmanager");
        Path config = dir.resolve("alertmanager.yml");
        Files.writeString(config, """
                route:
                  receiver: sre-copilot
                  group_by: [service]
                  group_wait: 1s
                  group_interval: 1s
                  repeat_interval: 1h
                receivers:
                  - name: sre-copilot
                    webhook_configs:
                      - url: %s/api/v1/ingest/alertmanager
                        send_resolved: true
                        http_config:
                          authorization:
                            credentials: %s
                """.formatted(stack.url("ingest"), apiKey));
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Process process = new ProcessBuilder(BINARY, "--config.file=" + config, "--storage.path=" + dir,
                "--web.listen-address=127.0.0.1:" + port, "--cluster.listen-address=", "--log.level=warn")
                .redirectErrorStream(true).redirectOutput(dir.resolve("alertmanager.log").toFile()).start();
        Alertmanager alertmanager = new Alertmanager(process, dir, "http://127.0.0.1:" + port);
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            if (alertmanager.ready()) {
                return alertmanager;
            }
            Thread.sleep(100);
        }
        String log = Files.readString(dir.resolve("alertmanager.log"));
        alertmanager.close();
        throw new IllegalStateException("Alertmanager did not start:\n" + log);
    }

    /** Fires alerts as Prometheus does (POST /api/v2/alerts). */
    public void fire(List<Map<String, Object>> alerts) {
        given().baseUri(url).contentType("application/json").body(alerts).when().post("/api/v2/alerts")
                .then().statusCode(200);
    }

    /** How many times Alertmanager logged a failed delivery (each is retried). */
    public long failedDeliveries() throws IOException {
        try (var lines = Files.lines(dir.resolve("alertmanager.log"))) {
            return lines.filter(line -> line.contains("Notify attempt failed") || line.contains("Notify for alerts failed"))
                    .count();
        }
    }

    private boolean ready() {
        try {
            return given().baseUri(url).when().get("/-/ready").statusCode() == 200;
        } catch (Exception notListeningYet) { // RestAssured rethrows the ConnectException undeclared
            return false;
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.destroyForcibly();
        deleteQuietly(dir.toFile());
    }

    private static void deleteQuietly(File file) {
        File[] children = file.listFiles();
        if (children != null) {
            for (File child : children) {
                deleteQuietly(child);
            }
        }
        file.delete();
    }
}
