package io.srecopilot.ingest.service;

import io.srecopilot.platform.domain.Severity;
import java.time.Instant;
import java.util.Map;

/** An alert as ingest stores and announces it, whatever its source called things. */
public record NormalizedSignal(String fingerprint, String alertname, String service, Severity severity, String status,
        Instant startsAt, Instant endsAt, Map<String, String> labels, Map<String, String> annotations,
        String generatorUrl) {
}
