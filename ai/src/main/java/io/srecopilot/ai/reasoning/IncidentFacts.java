package io.srecopilot.ai.reasoning;

import io.srecopilot.ai.context.OperationalContext;
import io.srecopilot.ai.precedent.Precedent;
import io.srecopilot.platform.domain.Severity;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Everything the reasoner is given about an incident: its alerts, when ingest was asked the
 * metrics and changes around it ({@code operations}, null when nobody asked), and the project's
 * learned incidents ({@code precedents}).
 */
public record IncidentFacts(UUID incidentId, String title, String service, Severity severity, Instant startedAt,
        List<SignalFact> signals, OperationalContext operations, List<Precedent> precedents) {

    public IncidentFacts {
        signals = signals == null ? List.of() : List.copyOf(signals);
        precedents = precedents == null ? List.of() : List.copyOf(precedents);
    }

    public IncidentFacts(UUID incidentId, String title, String service, Severity severity, Instant startedAt,
            List<SignalFact> signals) {
        this(incidentId, title, service, severity, startedAt, signals, null, List.of());
    }

    public IncidentFacts with(OperationalContext found) {
        return new IncidentFacts(incidentId, title, service, severity, startedAt, signals, found, precedents);
    }

    /** The project's learned incidents, to be matched against this one. */
    public IncidentFacts withPrecedents(List<Precedent> learned) {
        return new IncidentFacts(incidentId, title, service, severity, startedAt, signals, operations, learned);
    }
}
