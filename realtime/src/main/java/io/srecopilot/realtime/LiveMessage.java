package io.srecopilot.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.srecopilot.platform.events.EventEnvelope;
import io.srecopilot.platform.events.ResourceRef;
import io.srecopilot.platform.rest.Timestamps;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** What browsers receive: {@code {id, type, resource, data, occurredAt}}. */
@RegisterForReflection // serialized by Jackson outside REST: a native image must keep its accessors
public record LiveMessage(UUID id, String type, ResourceRef resource, JsonNode data, Instant occurredAt) {

    /**
     * Event families a project's members may watch live. Account and key events stay server-side:
     * they carry details (key hashes, emails) a viewer has no business receiving.
     */
    static final List<String> LIVE_FAMILIES = List.of("incident.", "analysis.", "alertgroup.", "hypothesis.",
            "policy.", "notification.", "change.", "signal.");

    static boolean isLive(String eventType) {
        return LIVE_FAMILIES.stream().anyMatch(eventType::startsWith);
    }

    static LiveMessage of(EventEnvelope event) {
        return new LiveMessage(event.id(), event.type(), event.resource(), event.data(), event.occurredAt());
    }

    /**
     * A message of the channel itself, not an event: {@code resync} (what you missed is gone:
     * refetch), {@code switched} (now watching another project), {@code error}.
     */
    static LiveMessage control(String type, JsonNode data) {
        return new LiveMessage(null, type, null, data, Timestamps.now());
    }
}
