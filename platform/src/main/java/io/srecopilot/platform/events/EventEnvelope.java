package io.srecopilot.platform.events;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.annotations.RegisterForReflection;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What every service emits and consumes. {@code id} is the idempotency key: consumers process an
 * id once. {@code projectId} is null only for tenant-level events (e.g. a login).
 */
@RegisterForReflection // serialized by Jackson outside REST: a native image must keep its accessors
public record EventEnvelope(
        UUID id,
        String type,
        UUID tenantId,
        UUID projectId,
        Instant occurredAt,
        Actor actor,
        ResourceRef resource,
        JsonNode data) {

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurredAt");
        Objects.requireNonNull(actor, "actor");
    }

    /** A new event with a fresh id, occurring now. */
    public static EventEnvelope create(String type, UUID tenantId, UUID projectId, Actor actor,
            ResourceRef resource, JsonNode data) {
        return new EventEnvelope(UUID.randomUUID(), type, tenantId, projectId, Instant.now(), actor, resource, data);
    }
}
