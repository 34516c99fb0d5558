package io.srecopilot.ingest.rest;

import io.srecopilot.ingest.Signal;
import io.srecopilot.platform.domain.Severity;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

public record SignalView(UUID id, UUID alertGroupId, String source, String fingerprint, String alertname,
        String service, Severity severity, String status, Instant startsAt, Instant endsAt, Instant acknowledgedAt,
        Map<String, String> labels,
        Map<String, String> annotations, String generatorUrl, Instant receivedAt) {

    public static SignalView of(Signal signal) {
        return new SignalView(signal.id, signal.alertGroupId, signal.source, signal.fingerprint, signal.alertname,
                signal.service, signal.severity, signal.status, signal.startsAt, signal.endsAt, signal.acknowledgedAt, signal.labels,
                signal.annotations, signal.generatorUrl, signal.receivedAt);
    }
}
