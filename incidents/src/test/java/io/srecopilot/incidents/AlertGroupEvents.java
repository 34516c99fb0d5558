package io.srecopilot.incidents;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.srecopilot.platform.domain.Severity;
import io.srecopilot.platform.events.Actor;
import io.srecopilot.platform.events.ActorType;
import io.srecopilot.platform.events.EventEnvelope;
import io.srecopilot.platform.events.ResourceRef;
import io.srecopilot.platform.events.catalog.AlertGroupChanged;
import io.srecopilot.platform.events.catalog.EventTypes;
import io.srecopilot.platform.testing.TestCaller;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Builds ingest's {@code alertgroup.*} events from the catalogue's record, as ingest writes them. */
final class AlertGroupEvents {

    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final TestCaller project;
    private final UUID groupId = UUID.randomUUID();
    private final String service;
    private final List<AlertGroupChanged.Signal> signals = new ArrayList<>();
    private String source = "alertmanager";

    AlertGroupEvents(TestCaller project, String service) {
        this.project = project;
        this.service = service;
    }

    /** Where ingest says the group's signals came from (alertmanager, event, prometheus). */
    AlertGroupEvents from(String signalSource) {
        this.source = signalSource;
        return this;
    }

    UUID groupId() {
        return groupId;
    }

    /** Adds an alert of the group (firing), its severity a label as the sender wrote it; answers its signal id. */
    String alert(String alertname, String severity, String startsAt) {
        UUID id = UUID.randomUUID();
        signals.add(new AlertGroupChanged.Signal(id, alertname.toLowerCase() + "-" + id.toString().substring(0, 8),
                alertname, service, Severity.fromLabel(severity), "firing", Instant.parse(startsAt), null,
                Map.of("alertname", alertname, "service", service, "severity", severity), Map.of(), null));
        return id.toString();
    }

    EventEnvelope opened() {
        return event(EventTypes.ALERT_GROUP_OPENED, "firing", signals);
    }

    /** The group fires again (or gains alerts): ingest's {@code alertgroup.updated}. */
    EventEnvelope firing() {
        return event(EventTypes.ALERT_GROUP_UPDATED, "firing", signals);
    }

    EventEnvelope resolved() {
        List<AlertGroupChanged.Signal> resolved = signals.stream().map(signal -> new AlertGroupChanged.Signal(
                signal.id(), signal.fingerprint(), signal.alertname(), signal.service(), signal.severity(), "resolved",
                signal.startsAt(), signal.startsAt().plusSeconds(600), signal.labels(), signal.annotations(),
                signal.generatorUrl())).toList();
        return event(EventTypes.ALERT_GROUP_RESOLVED, "resolved", resolved);
    }

    private EventEnvelope event(String type, String status, List<AlertGroupChanged.Signal> groupSignals) {
        AlertGroupChanged data = new AlertGroupChanged(groupId, "{}:{service=\"" + service + "\"}", status, source,
                "sre-copilot", Map.of("service", service), Map.of("summary", service + " is failing"), null, 0,
                new AlertGroupChanged.Correlation("group-key", null, null, Map.of("groupKey", service), null),
                groupSignals);
        return EventEnvelope.create(type, project.tenantId(), project.projectId(),
                new Actor(ActorType.APIKEY, UUID.randomUUID().toString()), new ResourceRef("alertgroup", groupId.toString()),
                MAPPER.valueToTree(data));
    }

    /** The same event delivered again under a new id, as a producer's retry would. */
    static EventEnvelope redelivered(EventEnvelope event) {
        return new EventEnvelope(UUID.randomUUID(), event.type(), event.tenantId(), event.projectId(), event.occurredAt(),
                event.actor(), event.resource(), event.data());
    }
}
