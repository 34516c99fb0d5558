package io.srecopilot.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/** A browser-like WebSocket client of realtime, keeping every message it receives. */
public final class LiveClient implements WebSocket.Listener, AutoCloseable {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final List<JsonNode> messages = new CopyOnWriteArrayList<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;

    public static LiveClient connect(String websocketUrl, String ticket) throws Exception {
        return connect(websocketUrl, ticket, null);
    }

    /** Reconnects as a browser does, naming the last event it saw so it gets what it missed. */
    public static LiveClient connect(String websocketUrl, String ticket, String lastEventId) throws Exception {
        LiveClient client = new LiveClient();
        String query = "?ticket=" + ticket + (lastEventId == null ? "" : "&lastEventId=" + lastEventId);
        client.socket = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create(websocketUrl + query), client)
                .get(10, TimeUnit.SECONDS);
        return client;
    }

    public List<JsonNode> messages() {
        return messages;
    }

    /** The ids of the incidents the client was told were created. */
    public Set<String> createdIncidents() {
        return messages.stream().filter(message -> message.get("type").asText().equals("incident.created"))
                .map(message -> message.get("resource").get("id").asText()).collect(Collectors.toSet());
    }

    public List<String> types() {
        return messages.stream().map(message -> message.get("type").asText()).toList();
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            try {
                messages.add(MAPPER.readTree(partial.toString()));
            } catch (Exception e) {
                throw new IllegalStateException("Not JSON: " + partial, e);
            }
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    @Override
    public void close() {
        if (socket != null) {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null).join();
        }
    }
}
