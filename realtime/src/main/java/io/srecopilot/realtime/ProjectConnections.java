package io.srecopilot.realtime;

import io.quarkus.websockets.next.WebSocketConnection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** The open connections of this replica, by tenant and project. */
@ApplicationScoped
public class ProjectConnections {

    private final Map<String, Set<WebSocketConnection>> byProject = new ConcurrentHashMap<>();

    void add(UUID tenantId, UUID projectId, WebSocketConnection connection) {
        byProject.computeIfAbsent(key(tenantId, projectId), k -> ConcurrentHashMap.newKeySet()).add(connection);
    }

    void remove(UUID tenantId, UUID projectId, WebSocketConnection connection) {
        byProject.computeIfPresent(key(tenantId, projectId), (k, connections) -> {
            connections.remove(connection);
            return connections.isEmpty() ? null : connections;
        });
    }

    Set<WebSocketConnection> of(UUID tenantId, UUID projectId) {
        return byProject.getOrDefault(key(tenantId, projectId), Set.of());
    }

    public int count() {
        return byProject.values().stream().mapToInt(Set::size).sum();
    }

    private static String key(UUID tenantId, UUID projectId) {
        return tenantId + ":" + projectId;
    }
}
