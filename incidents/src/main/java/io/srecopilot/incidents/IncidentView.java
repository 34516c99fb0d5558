package io.srecopilot.incidents;

import io.srecopilot.platform.domain.Severity;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An incident as the API and its events show it. */
public record IncidentView(UUID id, long number, String title, String description, String service, Severity severity,
        IncidentState state, List<IncidentState> allowedTransitions, String source, UUID alertGroupId,
        Instant startedAt, Instant detectedAt, Instant acknowledgedAt, Instant mitigatedAt, Instant resolvedAt,
        Instant createdAt, Instant updatedAt) {

    public static IncidentView of(Incident incident) {
        return new IncidentView(incident.id, incident.number, incident.title, incident.description, incident.service,
                incident.severity, incident.state, allowed(incident), incident.source, incident.alertGroupId,
                incident.startedAt, incident.detectedAt, incident.acknowledgedAt, incident.mitigatedAt,
                incident.resolvedAt, incident.createdAt, incident.updatedAt);
    }

    /** What clients may offer; LEARNED waits for postmortems, which do not exist yet. */
    private static List<IncidentState> allowed(Incident incident) {
        return incident.state.next().stream().filter(state -> state != IncidentState.LEARNED).sorted().toList();
    }
}
