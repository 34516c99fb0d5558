package io.srecopilot.ai.reasoning;

import io.srecopilot.platform.domain.Severity;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Everything the reasoner is given about an incident. */
public record IncidentFacts(UUID incidentId, String title, String service, Severity severity, Instant startedAt,
        List<SignalFact> signals) {

    public IncidentFacts {
        signals = signals == null ? List.of() : List.copyOf(signals);
    }
}
