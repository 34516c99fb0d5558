package io.srecopilot.ai.events;

import io.srecopilot.platform.domain.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The part of incidents' {@code incident.created} data that ai reads. */
public record IncidentCreated(Incident incident, List<Signal> signals) {

    public IncidentCreated {
        signals = signals == null ? List.of() : signals;
    }

    /** {@code state} as announced: an incident is analysed as it opens, so usually DETECTED. */
    public record Incident(UUID id, String title, String service, Severity severity, String state, Instant startedAt) {
    }

    public record Signal(UUID id, String alertname, String service, Severity severity, String status, Instant startsAt,
            Map<String, String> labels, Map<String, String> annotations) {
    }
}
