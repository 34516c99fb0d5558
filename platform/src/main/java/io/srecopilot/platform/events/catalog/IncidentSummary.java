package io.srecopilot.platform.events.catalog;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.srecopilot.platform.domain.Severity;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/**
 * The part of an incident that other services may read from the {@code incident.*} events.
 * incidents writes its whole API view; {@code state} is the name of the state-machine state.
 */
@RegisterForReflection
public record IncidentSummary(UUID id, long number, String reference, String title, String service,
        Severity severity, String state, String source, Map<String, String> labels, Instant startedAt,
        Instant resolvedAt) {

    public IncidentSummary {
        labels = labels == null ? Map.of() : labels;
    }
}
