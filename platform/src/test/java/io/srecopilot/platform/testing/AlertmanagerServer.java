package io.srecopilot.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * A real Alertmanager (Debian's {@code prometheus-alertmanager}) on a free port, without a
 * cluster, sending every group to one webhook with a bearer credential, as users configure it
 * for SRE Copilot; short waits so tests see notifications within seconds.
 */
public final class AlertmanagerServer {

    private final int port;
    private final Path directory;
    private Process process;

    private AlertmanagerServer(int port, Path directory) {
        this.port = port;
        this.directory = directory;
    }

    public static AlertmanagerServer start(String webhookUrl, String bearerToken) {
        try {
            AlertmanagerServer server = new AlertmanagerServer(TcpPorts.free(), Files.createTempDirectory("sre-alertmanager"));
            server.launch(webhookUrl, bearerToken);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** host:port, as Prometheus's alerting target. */
    public String address() {
        return "127.0.0.1:" + port;
    }

    /** Its HTTP API, where alerts are fired (POST /api/v2/alerts) as Prometheus does. */
    public String url() {
        return "http://" + address();
    }

    /** How many deliveries to the webhook failed so far (Alertmanager retries each). */
    public long failedDeliveries() throws IOException {
        try (var lines = Files.lines(directory.resolve("alertmanager.log"))) {
            return lines.filter(line -> line.contains("Notify attempt failed") || line.contains("Notify for alerts failed"))
                    .count();
        }
    }

    public synchronized void stop() {
        Processes.stop(process);
        process = null;
    }

    private void launch(String webhookUrl, String bearerToken) throws IOException {
        Path config = directory.resolve("alertmanager.yml");
        Files.writeString(config, """
                route:
                  receiver: sre-copilot
                  group_by: ['alertname', 'service']
                  group_wait: 1s
                  group_interval: 1s
                  repeat_interval: 1h
                receivers:
                  - name: sre-copilot
                    webhook_configs:
                      - url: '%s'
                        send_resolved: true
                        http_config:
                          authorization:
                            type: Bearer
                            credentials: '%s'
                """.formatted(webhookUrl, bearerToken));
        process = new ProcessBuilder("prometheus-alertmanager", "--config.file=" + config,
                "--storage.path=" + directory.resolve("data"), "--web.listen-address=127.0.0.1:" + port,
                "--cluster.listen-address=", "--log.level=warn")
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("alertmanager.log").toFile())
                .start();
        awaitReady();
    }

    private void awaitReady() {
        HttpClient client = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpRequest request = HttpRequest.newBuilder(URI.create("http://" + address() + "/-/ready"))
                        .timeout(Duration.ofSeconds(2)).build();
                if (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
                Thread.sleep(200);
            } catch (IOException e) {
                sleepBriefly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new IllegalStateException("alertmanager did not get ready; see " + directory.resolve("alertmanager.log"));
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
