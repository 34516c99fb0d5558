package io.srecopilot.incidents.correlation;

import io.quarkus.runtime.annotations.RegisterForReflection;
import io.srecopilot.incidents.Incident;
import io.srecopilot.incidents.IncidentSignal;
import io.srecopilot.platform.domain.Severity;
import io.srecopilot.platform.rest.Timestamps;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The part of ingest's {@code alertgroup.opened|updated|resolved} data that incidents reads. */
@RegisterForReflection
public record AlertGroupChange(UUID groupId, String groupKey, String status, String source,
        Map<String, String> commonLabels,
        Map<String, String> commonAnnotations, List<Signal> signals) {

    public AlertGroupChange {
        commonLabels = commonLabels == null ? Map.of() : commonLabels;
        commonAnnotations = commonAnnotations == null ? Map.of() : commonAnnotations;
        signals = signals == null ? List.of() : signals;
    }

    /** Where ingest got the group's signals: an incident source, Alertmanager when ingest does not say. */
    public String incidentSource() {
        return source == null || !Incident.ALERT_SOURCES.contains(source) ? Incident.SOURCE_ALERTMANAGER : source;
    }

    public boolean isFiring() {
        return !"resolved".equals(status);
    }

    /** The service the group names in common, else the one most of its alerts come from. */
    public String service() {
        String common = commonLabels.get("service");
        if (common != null && !common.isBlank()) {
            return common;
        }
        return signals.stream().map(Signal::service).filter(Objects::nonNull)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()))
                .entrySet().stream()
                .max(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).orElse(null);
    }

    /** The alerts as an incident keeps them. */
    public List<IncidentSignal> incidentSignals(UUID tenantId, UUID projectId) {
        return signals.stream().map(source -> {
            IncidentSignal signal = new IncidentSignal();
            signal.signalId = source.id();
            signal.tenantId = tenantId;
            signal.projectId = projectId;
            signal.fingerprint = source.fingerprint();
            signal.alertname = source.alertname();
            signal.service = source.service();
            signal.severity = Severity.fromLabel(source.severity());
            signal.status = source.status();
            signal.startsAt = Timestamps.of(source.startsAt());
            signal.labels = source.labels() == null ? Map.of() : source.labels();
            signal.annotations = source.annotations() == null ? Map.of() : source.annotations();
            return signal;
        }).toList();
    }

    @RegisterForReflection
    public record Signal(UUID id, String fingerprint, String alertname, String service, String severity,
            String status, Instant startsAt, Map<String, String> labels, Map<String, String> annotations) {
    }
}
