package io.srecopilot.ai.reasoning;

import io.srecopilot.platform.domain.Severity;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** One alert as the reasoner sees it. */
public record SignalFact(UUID id, String alertname, String service, Severity severity, String status, Instant startsAt,
        Map<String, String> labels, Map<String, String> annotations) {

    public SignalFact {
        labels = labels == null ? Map.of() : labels;
        annotations = annotations == null ? Map.of() : annotations;
        severity = severity == null ? Severity.MEDIUM : severity;
    }

    /** What a person would read first about it. */
    public String summary() {
        String summary = annotations.getOrDefault("summary", annotations.get("description"));
        return summary == null || summary.isBlank() ? alertname : summary;
    }
}
