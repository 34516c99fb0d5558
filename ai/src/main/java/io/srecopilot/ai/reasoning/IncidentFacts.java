package io.srecopilot.ai.reasoning;

import io.srecopilot.ai.context.OperationalContext;
import io.srecopilot.platform.domain.Severity;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Everything the reasoner is given about an incident: its alerts, when ingest was asked the
 * metrics and changes around it ({@code operations}, null when nobody asked), and what the
 * project has learned ({@code memory}).
 */
public record IncidentFacts(UUID incidentId, String title, String service, Severity severity, Instant startedAt,
        List<SignalFact> signals, OperationalContext operations, ProjectMemory memory) {

    public IncidentFacts {
        signals = signals == null ? List.of() : List.copyOf(signals);
        memory = memory == null ? ProjectMemory.EMPTY : memory;
    }

    public IncidentFacts(UUID incidentId, String title, String service, Severity severity, Instant startedAt,
            List<SignalFact> signals) {
        this(incidentId, title, service, severity, startedAt, signals, null, ProjectMemory.EMPTY);
    }

    public IncidentFacts with(OperationalContext found) {
        return new IncidentFacts(incidentId, title, service, severity, startedAt, signals, found, memory);
    }

    /** What the project has learned: precedents to match, verdicts on kinds of hypotheses. */
    public IncidentFacts with(ProjectMemory learned) {
        return new IncidentFacts(incidentId, title, service, severity, startedAt, signals, operations, learned);
    }
}
