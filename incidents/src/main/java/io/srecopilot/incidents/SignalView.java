package io.srecopilot.incidents;

import io.srecopilot.platform.domain.Severity;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** An alert attached to an incident, as the API and {@code incident.created} show it. */
public record SignalView(UUID id, String fingerprint, String alertname, String service, Severity severity, String status,
        Instant startsAt, Map<String, String> labels, Map<String, String> annotations) {

    public static SignalView of(IncidentSignal signal) {
        return new SignalView(signal.signalId, signal.fingerprint, signal.alertname, signal.service, signal.severity,
                signal.status, signal.startsAt, signal.labels, signal.annotations);
    }
}
