package io.srecopilot.ingest.alertmanager;

import io.srecopilot.ingest.service.NormalizedSignal;
import io.srecopilot.platform.domain.Severity;
import io.srecopilot.platform.rest.Timestamps;
import io.srecopilot.platform.security.Hashes;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Reads the conventions of Alertmanager alerts: which label names the service, the severity, the identity. */
public final class AlertNormalizer {

    /** Labels teams use for "the service this is about", most specific first. */
    private static final List<String> SERVICE_LABELS = List.of("service", "app", "application", "job", "container");
    private static final Instant EPOCH = Instant.EPOCH;

    private AlertNormalizer() {
    }

    public static NormalizedSignal normalize(Alert alert) {
        Map<String, String> labels = alert.labels();
        return new NormalizedSignal(fingerprint(alert), labels.getOrDefault("alertname", "unnamed"), service(labels),
                Severity.fromLabel(labels.get("severity")), alert.status(), Timestamps.of(alert.startsAt()),
                endsAt(alert), labels, alert.annotations(), alert.generatorURL());
    }

    static String service(Map<String, String> labels) {
        return SERVICE_LABELS.stream().map(labels::get).filter(value -> value != null && !value.isBlank())
                .findFirst().orElse(null);
    }

    /** Alertmanager's own fingerprint, else a stable hash of the sorted labels (what Alertmanager hashes too). */
    static String fingerprint(Alert alert) {
        if (alert.fingerprint() != null && !alert.fingerprint().isBlank()) {
            return alert.fingerprint();
        }
        StringBuilder canonical = new StringBuilder();
        new TreeMap<>(alert.labels()).forEach((name, value) -> canonical.append(name).append('\u0000')
                .append(value).append('\u0000'));
        return HexFormat.of().formatHex(Hashes.sha256(canonical.toString()), 0, 8);
    }

    /** Firing alerts carry Go's zero time or a provisional end; only a resolved alert has really ended. */
    private static Instant endsAt(Alert alert) {
        if (alert.firing() || alert.endsAt() == null || alert.endsAt().isBefore(EPOCH)) {
            return null;
        }
        return Timestamps.of(alert.endsAt());
    }
}
