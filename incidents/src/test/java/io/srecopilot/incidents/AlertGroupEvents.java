package io.srecopilot.incidents;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.srecopilot.platform.events.Actor;
import io.srecopilot.platform.events.ActorType;
import io.srecopilot.platform.events.EventEnvelope;
import io.srecopilot.platform.events.ResourceRef;
import io.srecopilot.platform.testing.TestCaller;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Builds ingest's {@code alertgroup.*} events the way ingest writes them. */
final class AlertGroupEvents {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final TestCaller project;
    private final UUID groupId = UUID.randomUUID();
    private final String service;
    private final List<Map<String, Object>> signals = new ArrayList<>();
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

    /** Adds an alert of the group (firing); answers its signal id. */
    String alert(String alertname, String severity, String startsAt) {
        String id = UUID.randomUUID().toString();
        Map<String, Object> signal = new LinkedHashMap<>();
        signal.put("id", id);
        signal.put("fingerprint", alertname.toLowerCase() + "-" + id.substring(0, 8));
        signal.put("alertname", alertname);
        signal.put("service", service);
        signal.put("severity", severity);
        signal.put("status", "firing");
        signal.put("startsAt", startsAt);
        signal.put("labels", Map.of("alertname", alertname, "service", service, "severity", severity));
        signal.put("annotations", Map.of());
        signals.add(signal);
        return id;
    }

    EventEnvelope opened() {
        return event("alertgroup.opened", "firing", signals);
    }

    /** The group fires again (or gains alerts): ingest's {@code alertgroup.updated}. */
    EventEnvelope firing() {
        return event("alertgroup.updated", "firing", signals);
    }

    EventEnvelope resolved() {
        List<Map<String, Object>> resolved = signals.stream().map(signal -> {
            Map<String, Object> copy = new LinkedHashMap<>(signal);
            copy.put("status", "resolved");
            return (Map<String, Object>) copy;
        }).toList();
        return event("alertgroup.resolved", "resolved", resolved);
    }

    private EventEnvelope event(String type, String status, List<Map<String, Object>> groupSignals) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("groupId", groupId.toString());
        data.put("groupKey", "{}:{service=\"" + service + "\"}");
        data.put("status", status);
        data.put("source", source);
        data.put("commonLabels", Map.of("service", service));
        data.put("commonAnnotations", Map.of("summary", service + " is failing"));
        data.put("signals", groupSignals);
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
