package io.srecopilot.realtime;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** The open connections of this replica, by tenant and project; a connection may move to another project. */
@ApplicationScoped
public class ProjectConnections {

    private final Map<String, Map<String, LiveConnection>> byProject = new ConcurrentHashMap<>();
    private final Map<String, String> projectOf = new ConcurrentHashMap<>();

    void add(UUID tenantId, UUID projectId, LiveConnection connection) {
        String key = key(tenantId, projectId);
        projectOf.put(connection.id(), key);
        byProject.computeIfAbsent(key, k -> new ConcurrentHashMap<>()).put(connection.id(), connection);
    }

    void remove(String connectionId) {
        String key = projectOf.remove(connectionId);
        if (key != null) {
            byProject.computeIfPresent(key, (k, connections) -> {
                connections.remove(connectionId);
                return connections.isEmpty() ? null : connections;
            });
        }
    }

    /** From now on the connection receives the other project's events only. */
    void move(LiveConnection connection, UUID tenantId, UUID projectId) {
        remove(connection.id());
        add(tenantId, projectId, connection);
    }

    /** The connection by its socket's id; null once it closed. */
    LiveConnection get(String connectionId) {
        String key = projectOf.get(connectionId);
        Map<String, LiveConnection> connections = key == null ? null : byProject.get(key);
        return connections == null ? null : connections.get(connectionId);
    }

    Collection<LiveConnection> of(UUID tenantId, UUID projectId) {
        Map<String, LiveConnection> connections = byProject.get(key(tenantId, projectId));
        return connections == null ? List.of() : connections.values();
    }

    /** The connections of every project of the tenant. */
    Collection<LiveConnection> ofTenant(UUID tenantId) {
        String prefix = tenantId + ":";
        return byProject.entrySet().stream().filter(entry -> entry.getKey().startsWith(prefix))
                .flatMap(entry -> entry.getValue().values().stream()).toList();
    }

    public int count() {
        return projectOf.size();
    }

    private static String key(UUID tenantId, UUID projectId) {
        return tenantId + ":" + projectId;
    }
}
