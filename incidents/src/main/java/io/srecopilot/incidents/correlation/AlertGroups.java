package io.srecopilot.incidents.correlation;

import io.srecopilot.incidents.Incident;
import io.srecopilot.incidents.IncidentSignal;
import io.srecopilot.platform.domain.Severity;
import io.srecopilot.platform.events.catalog.AlertGroupChanged;
import io.srecopilot.platform.rest.Timestamps;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** How incidents reads ingest's {@link AlertGroupChanged}. */
final class AlertGroups {

    private AlertGroups() {
    }

    /** Where ingest got the group's signals: an incident source, Alertmanager when ingest does not say. */
    static String incidentSource(AlertGroupChanged group) {
        String source = group.source();
        return source == null || !Incident.ALERT_SOURCES.contains(source) ? Incident.SOURCE_ALERTMANAGER : source;
    }

    static boolean isFiring(AlertGroupChanged group) {
        return !"resolved".equals(group.status());
    }

    /** The service the group names in common, else the one most of its alerts come from. */
    static String service(AlertGroupChanged group) {
        String common = group.commonLabels().get("service");
        if (common != null && !common.isBlank()) {
            return common;
        }
        return group.signals().stream().map(AlertGroupChanged.Signal::service).filter(Objects::nonNull)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()))
                .entrySet().stream()
                .max(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).orElse(null);
    }

    /** An alert with no severity counts as medium, as an unrecognised severity label does. */
    static Severity severityOf(AlertGroupChanged.Signal signal) {
        return signal.severity() == null ? Severity.MEDIUM : signal.severity();
    }

    /** The alerts as an incident keeps them. */
    static List<IncidentSignal> incidentSignals(AlertGroupChanged group, UUID tenantId, UUID projectId) {
        return group.signals().stream().map(source -> {
            IncidentSignal signal = new IncidentSignal();
            signal.signalId = source.id();
            signal.tenantId = tenantId;
            signal.projectId = projectId;
            signal.fingerprint = source.fingerprint();
            signal.alertname = source.alertname();
            signal.service = source.service();
            signal.severity = severityOf(source);
            signal.status = source.status();
            signal.startsAt = Timestamps.of(source.startsAt());
            signal.labels = source.labels() == null ? Map.of() : source.labels();
            signal.annotations = source.annotations() == null ? Map.of() : source.annotations();
            return signal;
        }).toList();
    }
}
