package io.srecopilot.incidents.events;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The part of ingest's {@code alertgroup.opened} data that incidents reads. */
public record AlertGroupOpened(UUID groupId, String groupKey, Map<String, String> commonLabels,
        Map<String, String> commonAnnotations, List<Signal> signals) {

    public AlertGroupOpened {
        commonLabels = commonLabels == null ? Map.of() : commonLabels;
        commonAnnotations = commonAnnotations == null ? Map.of() : commonAnnotations;
        signals = signals == null ? List.of() : signals;
    }

    public record Signal(UUID id, String fingerprint, String alertname, String service, String severity,
            String status, Instant startsAt, Map<String, String> labels, Map<String, String> annotations) {
    }
}
