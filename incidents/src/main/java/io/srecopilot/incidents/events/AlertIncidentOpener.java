package io.srecopilot.incidents.events;

import io.smallrye.mutiny.Uni;
import io.srecopilot.incidents.Incident;
import io.srecopilot.incidents.IncidentSignal;
import io.srecopilot.incidents.repository.IncidentRepository;
import io.srecopilot.incidents.service.IncidentService;
import io.srecopilot.incidents.service.NewIncident;
import io.srecopilot.platform.domain.Severity;
import io.srecopilot.platform.events.Actor;
import io.srecopilot.platform.events.EventCodec;
import io.srecopilot.platform.events.EventEnvelope;
import io.srecopilot.platform.rest.Timestamps;
import io.srecopilot.platform.stream.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Opens an incident for each new alert group ingest reports. An alert group opens at most one
 * incident; later issues correlate further groups into open incidents.
 */
@ApplicationScoped
public class AlertIncidentOpener implements EventHandler {

    static final String ALERT_GROUP_OPENED = "alertgroup.opened";
    private static final Actor CORRELATION = Actor.system("correlation");
    private static final int MAX_TITLE = 200;

    private final IncidentRepository incidents;
    private final IncidentService service;
    private final EventCodec codec;

    public AlertIncidentOpener(IncidentRepository incidents, IncidentService service, EventCodec codec) {
        this.incidents = incidents;
        this.service = service;
        this.codec = codec;
    }

    @Override
    public boolean accepts(String eventType) {
        return ALERT_GROUP_OPENED.equals(eventType);
    }

    @Override
    public Uni<Void> handle(EventEnvelope event) {
        AlertGroupOpened group = codec.fromData(event.data(), AlertGroupOpened.class);
        return incidents.findByAlertGroup(event.projectId(), group.groupId())
                .chain(existing -> existing != null ? Uni.createFrom().voidItem()
                        : service.open(event.tenantId(), event.projectId(), draft(group), signals(event, group), CORRELATION)
                                .replaceWithVoid());
    }

    static NewIncident draft(AlertGroupOpened group) {
        List<AlertGroupOpened.Signal> signals = group.signals();
        Severity worst = signals.stream().map(signal -> Severity.fromLabel(signal.severity()))
                .min(Comparator.naturalOrder()).orElse(Severity.WARNING);
        Instant started = signals.stream().map(AlertGroupOpened.Signal::startsAt).filter(Objects::nonNull)
                .min(Comparator.naturalOrder()).orElse(null);
        return new NewIncident(title(group), group.commonAnnotations().get("description"), service(group), worst,
                started, Incident.SOURCE_ALERT, group.groupId());
    }

    private static String title(AlertGroupOpened group) {
        String summary = group.commonAnnotations().get("summary");
        String title = summary != null && !summary.isBlank() ? summary
                : group.signals().stream().findFirst()
                        .map(signal -> signal.alertname() + (signal.service() == null ? "" : " on " + signal.service()))
                        .orElse("Alert group " + group.groupKey());
        return title.length() <= MAX_TITLE ? title : title.substring(0, MAX_TITLE - 1) + "…";
    }

    /** The service the group names in common, else the one most of its alerts come from. */
    private static String service(AlertGroupOpened group) {
        String common = group.commonLabels().get("service");
        if (common != null) {
            return common;
        }
        return group.signals().stream().map(AlertGroupOpened.Signal::service).filter(Objects::nonNull)
                .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()))
                .entrySet().stream().max(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(Map.Entry::getKey).orElse(null);
    }

    private static List<IncidentSignal> signals(EventEnvelope event, AlertGroupOpened group) {
        return group.signals().stream().map(source -> {
            IncidentSignal signal = new IncidentSignal();
            signal.signalId = source.id();
            signal.tenantId = event.tenantId();
            signal.projectId = event.projectId();
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
}
