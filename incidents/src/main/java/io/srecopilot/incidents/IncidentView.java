package io.srecopilot.incidents;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.srecopilot.platform.domain.Severity;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** An incident as the API and its events show it. */
@RegisterForReflection
public record IncidentView(UUID id, long number, String reference, String title, String description, String service,
        Severity severity, IncidentState state, List<IncidentState> allowedTransitions, String source,
        Map<String, String> labels, UUID assigneeId, List<UUID> alertGroupIds, Instant startedAt, Instant detectedAt,
        Instant acknowledgedAt, Instant mitigatedAt, Instant resolvedAt, Instant createdAt, Instant updatedAt,
        long version) {

    public static IncidentView of(Incident incident, List<UUID> alertGroupIds) {
        return new IncidentView(incident.id, incident.number, incident.reference(), incident.title, incident.description,
                incident.service, incident.severity, incident.state, allowed(incident), incident.source,
                incident.labels == null ? Map.of() : incident.labels, incident.assigneeId, alertGroupIds,
                incident.startedAt, incident.detectedAt, incident.acknowledgedAt, incident.mitigatedAt,
                incident.resolvedAt, incident.createdAt, incident.updatedAt, incident.version);
    }

    /** What the state machine allows next (LEARNED also needs a complete postmortem). */
    private static List<IncidentState> allowed(Incident incident) {
        return incident.state.next().stream().sorted().toList();
    }
}
