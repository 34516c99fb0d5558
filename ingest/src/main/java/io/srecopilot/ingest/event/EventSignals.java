package io.srecopilot.ingest.event;

import io.srecopilot.ingest.correlation.GroupTarget;
import io.srecopilot.ingest.service.NormalizedSignal;
import io.srecopilot.ingest.service.SignalBatch;
import io.srecopilot.platform.domain.Severity;
import io.srecopilot.platform.security.Hashes;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Generic events as signals. Each {@code dedup_key} is an alert group of its own whose
 * occurrences are told apart by the time they were triggered, so a trigger after a resolve opens
 * a new occurrence, as PagerDuty does.
 */
final class EventSignals {

    static final String SOURCE = "event";
    /** custom_details are kept as one annotation, bounded like any annotation. */
    static final int MAX_DETAILS = 16_384;
    private static final int MAX_ALERTNAME = 200;

    private EventSignals() {
    }

    static String groupKey(String dedupKey) {
        return "event:" + dedupKey;
    }

    static String fingerprint(String dedupKey) {
        return "event-" + HexFormat.of().formatHex(Hashes.sha256(dedupKey), 0, 16);
    }

    static SignalBatch triggered(String dedupKey, EventPayload payload, String details, Instant now) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("alertname", payload.eventClass() != null ? payload.eventClass() : alertname(payload.summary()));
        labels.put("service", payload.component() != null ? payload.component() : payload.source());
        labels.put("source", payload.source());
        labels.put("severity", payload.severity());
        putIfPresent(labels, "component", payload.component());
        putIfPresent(labels, "group", payload.group());
        putIfPresent(labels, "class", payload.eventClass());
        labels.put("dedup_key", dedupKey);
        Map<String, String> annotations = new LinkedHashMap<>();
        annotations.put("summary", payload.summary());
        putIfPresent(annotations, "details", details);
        putIfPresent(annotations, "timestamp", payload.timestamp() == null ? null : payload.timestamp().toString());
        NormalizedSignal signal = new NormalizedSignal(fingerprint(dedupKey), labels.get("alertname"),
                labels.get("service"), Severity.fromLabel(payload.severity()), "firing", now, null, labels,
                annotations, null);
        return batch(dedupKey, signal, Map.of("summary", payload.summary()));
    }

    static SignalBatch resolved(String dedupKey, NormalizedSignal open, Instant now) {
        NormalizedSignal signal = new NormalizedSignal(open.fingerprint(), open.alertname(), open.service(),
                open.severity(), "resolved", open.startsAt(), now, open.labels(), open.annotations(),
                open.generatorUrl());
        return batch(dedupKey, signal, Map.of("summary", open.annotations().getOrDefault("summary", open.alertname())));
    }

    private static SignalBatch batch(String dedupKey, NormalizedSignal signal, Map<String, String> annotations) {
        Map<String, String> common = Map.of("service", signal.service());
        return new SignalBatch(SOURCE, GroupTarget.event(groupKey(dedupKey), dedupKey), null, common, annotations,
                null, 0, List.of(signal));
    }

    private static String alertname(String summary) {
        return summary.length() <= MAX_ALERTNAME ? summary : summary.substring(0, MAX_ALERTNAME - 1) + "…";
    }

    private static void putIfPresent(Map<String, String> target, String name, String value) {
        if (value != null && !value.isBlank()) {
            target.put(name, value);
        }
    }
}
