package io.srecopilot.platform.events;

import java.util.UUID;

/**
 * Events with the same key are published in the order they were written: a project's events,
 * or a tenant's events that belong to no project; they also go to the same stream partition
 * ({@link EventsConfig#streamFor}).
 */
public final class OrderingKey {

    public static final UUID NONE = new UUID(0, 0);

    private OrderingKey() {
    }

    public static UUID of(UUID tenantId, UUID projectId) {
        if (projectId != null) {
            return projectId;
        }
        return tenantId != null ? tenantId : NONE;
    }
}
