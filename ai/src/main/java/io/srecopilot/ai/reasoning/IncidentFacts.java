package io.srecopilot.ai.reasoning;

import io.srecopilot.ai.context.OperationalContext;
import io.srecopilot.platform.domain.Severity;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Everything the reasoner is given about an incident: its alerts and, when ingest was asked,
 * the metrics and changes around it ({@code operations}, null when nobody asked).
 */
public record IncidentFacts(UUID incidentId, String title, String service, Severity severity, Instant startedAt,
        List<SignalFact> signals, OperationalContext operations) {

    public IncidentFacts {
        signals = signals == null ? List.of() : List.copyOf(signals);
    }

    public IncidentFacts(UUID incidentId, String title, String service, Severity severity, Instant startedAt,
            List<SignalFact> signals) {
        this(incidentId, title, service, severity, startedAt, signals, null);
    }

    public IncidentFacts with(OperationalContext found) {
        return new IncidentFacts(incidentId, title, service, severity, startedAt, signals, found);
    }
}
