package io.srecopilot.incidents.notification;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local HTTP endpoint that records what it receives and answers the statuses it is told to,
 * in order (then 200), so tests can make a webhook fail and recover.
 */
final class HttpReceiver implements AutoCloseable {

    record Request(String path, Map<String, List<String>> headers, String body) {

        String header(String name) {
            return headers.entrySet().stream().filter(entry -> entry.getKey().equalsIgnoreCase(name))
                    .map(entry -> entry.getValue().get(0)).findFirst().orElse(null);
        }
    }

    private final HttpServer server;
    private final List<Request> received = new CopyOnWriteArrayList<>();
    private final List<Integer> statuses;
    private final AtomicInteger calls = new AtomicInteger();

    HttpReceiver(Integer... statuses) throws IOException {
        this.statuses = List.of(statuses);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            received.add(new Request(exchange.getRequestURI().getPath(), Map.copyOf(exchange.getRequestHeaders()), body));
            int call = calls.getAndIncrement();
            int status = call < this.statuses.size() ? this.statuses.get(call) : 200;
            byte[] answer = (status == 200 ? "ok" : "try later").getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(status, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        server.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    List<Request> received() {
        return received;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
