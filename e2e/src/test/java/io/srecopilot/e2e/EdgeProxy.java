package io.srecopilot.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The UI image's own nginx configuration (deploy/docker/nginx.conf, with proxy.inc) run by this
 * machine's nginx in front of the stack, its upstreams pointed at the stack's ports: requests then
 * reach the services as they do in a deployment, through a reverse proxy that appends the client's
 * address to X-Forwarded-For. The stack trusts 127.0.0.1 (nginx) as a proxy; clients of this proxy
 * should connect from other loopback addresses (127.0.0.2, …) to be told apart.
 */
final class EdgeProxy implements AutoCloseable {

    private static final Pattern UPSTREAM = Pattern.compile("http://(auth|incidents|ai|ingest|realtime|audit):\\d+");

    private final Process nginx;
    private final int port;

    private EdgeProxy(Process nginx, int port) {
        this.nginx = nginx;
        this.port = port;
    }

    static EdgeProxy start(Stack stack, Path root, Path dir) throws IOException {
        Files.createDirectories(dir.resolve("temp"));
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path config = dir.resolve("nginx.conf");
        Files.writeString(config, configuration(stack, root, dir, port));
        Process nginx = new ProcessBuilder(nginxBinary(), "-c", config.toString(), "-p", dir.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("nginx.out").toFile()).start();
        EdgeProxy proxy = new EdgeProxy(nginx, port);
        proxy.awaitListening();
        return proxy;
    }

    String url() {
        return "http://127.0.0.1:" + port;
    }

    private static String configuration(Stack stack, Path root, Path dir, int port) throws IOException {
        String server = Files.readString(root.resolve("deploy/docker/nginx.conf"))
                .replace("listen 8080;", "listen 127.0.0.1:" + port + ";")
                .replace("/etc/nginx/conf.d/", root.resolve("deploy/docker") + "/")
                .replace("/usr/share/nginx/html", root.resolve("ui/dist").toString());
        Matcher upstreams = UPSTREAM.matcher(server);
        StringBuilder pointed = new StringBuilder();
        while (upstreams.find()) {
            upstreams.appendReplacement(pointed, Matcher.quoteReplacement(stack.url(upstreams.group(1))));
        }
        upstreams.appendTail(pointed);
        String temp = dir.resolve("temp").toString();
        return String.join("\n", List.of(
                // Workers read ui/dist, which may sit in a directory only its owner may enter (a
                // mktemp clone); nginx ignores this line when not started as root.
                "daemon off;", "user " + System.getProperty("user.name") + ";", "worker_processes 1;", "pid " + dir.resolve("nginx.pid") + ";",
                "error_log " + dir.resolve("error.log") + " warn;",
                "events { worker_connections 512; }",
                "http {",
                "  access_log " + dir.resolve("access.log") + ";",
                "  client_body_temp_path " + temp + "/body;", "  proxy_temp_path " + temp + "/proxy;",
                "  fastcgi_temp_path " + temp + "/fastcgi;", "  uwsgi_temp_path " + temp + "/uwsgi;",
                "  scgi_temp_path " + temp + "/scgi;",
                pointed.toString(),
                "}", ""));
    }

    private static String nginxBinary() {
        for (String candidate : List.of("/usr/sbin/nginx", "/usr/local/sbin/nginx", "/usr/bin/nginx")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        return "nginx";
    }

    private void awaitListening() {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (Instant.now().isBefore(deadline)) {
            if (!nginx.isAlive()) {
                throw new IllegalStateException("nginx exited with " + nginx.exitValue());
            }
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                sleep();
            }
        }
        throw new IllegalStateException("nginx did not listen on " + port);
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        nginx.destroy();
        try {
            nginx.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        nginx.destroyForcibly();
    }
}
