package io.srecopilot.platform.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

/**
 * A real Prometheus (Debian's {@code prometheus} package) on a free port, scraping itself every
 * second, optionally behind basic authentication ({@link #USER} / {@link #PASSWORD}) and with
 * extra scrape jobs, for tests that query it as users' integrations would.
 */
public final class PrometheusServer {

    public static final String USER = "sre";
    public static final String PASSWORD = "prometheus-test-password";
    /** bcrypt of {@link #PASSWORD}, as Prometheus's web configuration wants it. */
    private static final String PASSWORD_HASH = "$2b$10$9F08yiS5QETc2py4N4egv.NEVa1R.pMhpb0IxlqbR/AjjDPW3ATzS";

    private final int port;
    private final boolean basicAuth;
    private final Path directory;
    private boolean tls;
    private String retention = "1h";
    private Process process;

    private PrometheusServer(int port, boolean basicAuth, Path directory) {
        this.port = port;
        this.basicAuth = basicAuth;
        this.directory = directory;
    }

    /** A Prometheus serving HTTPS with a self-signed certificate (openssl), no authentication. */
    public static PrometheusServer startTls() {
        return startPrepared("sre-prometheus-tls", directory -> {
            run(directory, "openssl", "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=localhost",
                    "-days", "1", "-keyout", directory.resolve("key.pem").toString(), "-out",
                    directory.resolve("cert.pem").toString());
            PrometheusServer server = new PrometheusServer(TcpPorts.free(), false, directory);
            server.tls = true;
            return server;
        });
    }

    /**
     * A Prometheus holding {@code openMetrics} (OpenMetrics text ending in {@code # EOF}, samples in the
     * past), written into its TSDB by promtool before it starts, as a history tests can ask about.
     * No authentication.
     */
    public static PrometheusServer startWithHistory(String openMetrics) {
        return startPrepared("sre-prometheus-history", directory -> {
            Path input = directory.resolve("history.om");
            Files.writeString(input, openMetrics);
            run(directory, "promtool", "promtool", "tsdb", "create-blocks-from", "openmetrics", input.toString(),
                    directory.resolve("data").toString());
            PrometheusServer server = new PrometheusServer(TcpPorts.free(), false, directory);
            server.retention = "30d";
            return server;
        });
    }

    private interface Preparation {
        PrometheusServer prepare(Path directory) throws IOException, InterruptedException;
    }

    /** A server prepared in a fresh directory, then launched without scrape jobs or rules. */
    private static PrometheusServer startPrepared(String prefix, Preparation preparation) {
        try {
            PrometheusServer server = preparation.prepare(Files.createTempDirectory(prefix));
            server.launch("", "", null);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Runs a tool to its end within a minute, its output in {@code <name>.log}; fails when it fails. */
    private static void run(Path directory, String name, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(directory.resolve(name + ".log").toFile()).start();
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(name + " failed; see " + directory.resolve(name + ".log"));
        }
    }

    /** {@code extraScrapeJobs}: YAML list items appended under {@code scrape_configs}, or empty. */
    public static PrometheusServer start(boolean basicAuth, String extraScrapeJobs) {
        return start(basicAuth, extraScrapeJobs, "", null);
    }

    /**
     * With alerting rules ({@code rules}: the YAML of one rule group's {@code rules} list) sent to
     * the Alertmanager at {@code alertmanager} (host:port).
     */
    public static PrometheusServer start(boolean basicAuth, String extraScrapeJobs, String rules, String alertmanager) {
        try {
            Path directory = Files.createTempDirectory("sre-prometheus");
            PrometheusServer server = new PrometheusServer(TcpPorts.free(), basicAuth, directory);
            server.launch(extraScrapeJobs, rules, alertmanager);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return (tls ? "https" : "http") + "://127.0.0.1:" + port;
    }

    /** For HTTPS, where this client would not trust the certificate: the port accepts connections. */
    private void awaitListening() {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
                Thread.sleep(500);
                return;
            } catch (IOException e) {
                try {
                    Thread.sleep(200);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new IllegalStateException("prometheus did not listen; see " + directory.resolve("prometheus.log"));
    }

    public synchronized void stop() {
        Processes.stop(process);
        process = null;
    }

    private void launch(String extraScrapeJobs, String rules, String alertmanager) throws IOException {
        Path config = directory.resolve("prometheus.yml");
        Path ruleFile = directory.resolve("rules.yml");
        Files.writeString(ruleFile, "groups:\n  - name: test\n    rules:\n" + rules.indent(6));
        String alerting = alertmanager == null ? "" : """
                alerting:
                  alertmanagers:
                    - static_configs:
                        - targets: ['%s']
                """.formatted(alertmanager);
        Files.writeString(config, alerting + """
                rule_files: ['%s']
                """.formatted(ruleFile) + """
                global:
                  scrape_interval: 1s
                  evaluation_interval: 1s
                scrape_configs:
                  - job_name: prometheus
                    basic_auth: %s
                    static_configs:
                      - targets: ['127.0.0.1:%d']
                %s
                """.formatted(basicAuth ? "{username: " + USER + ", password: " + PASSWORD + "}" : "null", port,
                extraScrapeJobs.indent(2)));
        Path web = directory.resolve("web.yml");
        Files.writeString(web, tls ? "tls_server_config:\n  cert_file: " + directory.resolve("cert.pem")
                + "\n  key_file: " + directory.resolve("key.pem") + "\n"
                : basicAuth ? "basic_auth_users:\n  " + USER + ": " + PASSWORD_HASH + "\n" : "{}\n");
        process = new ProcessBuilder("prometheus", "--config.file=" + config, "--web.config.file=" + web,
                "--storage.tsdb.path=" + directory.resolve("data"), "--web.listen-address=127.0.0.1:" + port,
                "--storage.tsdb.retention.time=" + retention, "--log.level=warn")
                .redirectErrorStream(true)
                .redirectOutput(directory.resolve("prometheus.log").toFile())
                .start();
        awaitReady();
    }

    private void awaitReady() {
        if (tls) {
            awaitListening();
            return;
        }
        HttpClient client = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url() + "/-/ready"))
                        .timeout(Duration.ofSeconds(2));
                if (basicAuth) {
                    request.header("Authorization", "Basic " + Base64.getEncoder()
                            .encodeToString((USER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
                }
                if (client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // Not listening yet.
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
        throw new IllegalStateException("prometheus did not get ready; see " + directory.resolve("prometheus.log"));
    }

}
