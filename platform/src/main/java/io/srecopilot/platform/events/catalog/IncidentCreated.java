package io.srecopilot.platform.events.catalog;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.srecopilot.platform.domain.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code incident.created}, from incidents to ai (which analyses it) and the live view: the incident
 * and the alerts it opened with, so a consumer can reason without calling back. A hand-declared
 * incident has none.
 */
@RegisterForReflection
public record IncidentCreated(IncidentSummary incident, List<Alert> signals) {

    public IncidentCreated {
        signals = signals == null ? List.of() : signals;
    }

    @RegisterForReflection
    public record Alert(UUID id, String fingerprint, String alertname, String service, Severity severity,
            String status, Instant startsAt, Map<String, String> labels, Map<String, String> annotations) {
    }
}
