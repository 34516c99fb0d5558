package io.srecopilot.ai;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.srecopilot.platform.domain.Severity;
import io.srecopilot.platform.events.Actor;
import io.srecopilot.platform.events.EventEnvelope;
import io.srecopilot.platform.events.ResourceRef;
import io.srecopilot.platform.events.catalog.EventTypes;
import io.srecopilot.platform.events.catalog.IncidentCreated;
import io.srecopilot.platform.events.catalog.IncidentSummary;
import io.srecopilot.platform.events.catalog.IncidentTransitioned;
import io.srecopilot.platform.events.catalog.IncidentUpdated;
import io.srecopilot.platform.testing.TestCaller;
import io.srecopilot.platform.testing.TestStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Builds incidents' {@code incident.*} events from the catalogue's records, as incidents writes them:
 * an incident on a service (null for one declared without), with the alerts it opened with, and
 * what people later did to it.
 */
public final class IncidentAnnouncement {

    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final Instant STARTED = Instant.parse("2026-11-23T06:00:00Z");

    private final TestCaller caller;
    private UUID id = UUID.randomUUID();
    private final String title;
    private final String service;
    private final List<IncidentCreated.Alert> alerts = new ArrayList<>();
    private Severity severity = Severity.CRITICAL;
    private long number = 1;
    private Map<String, String> labels = Map.of();

    private IncidentAnnouncement(TestCaller caller, String title, String service) {
        this.caller = caller;
        this.title = title;
        this.service = service;
    }

    public static IncidentAnnouncement of(TestCaller caller, String title, String service) {
        return new IncidentAnnouncement(caller, title, service);
    }

    public IncidentAnnouncement severity(Severity incidentSeverity) {
        this.severity = incidentSeverity;
        return this;
    }

    public IncidentAnnouncement id(UUID incidentId) {
        this.id = incidentId;
        return this;
    }

    public IncidentAnnouncement labels(Map<String, String> incidentLabels) {
        this.labels = incidentLabels;
        return this;
    }

    public IncidentAnnouncement number(long incidentNumber) {
        this.number = incidentNumber;
        return this;
    }

    /** An alert on the incident's service, its severity a label as the sender wrote it. */
    public IncidentAnnouncement alert(String alertname, String alertSeverity, String startsAt,
            Map<String, String> labels, Map<String, String> annotations) {
        alerts.add(new IncidentCreated.Alert(UUID.randomUUID(), alertname.toLowerCase() + "-fp", alertname, service,
                Severity.fromLabel(alertSeverity), "firing", Instant.parse(startsAt), labels, annotations));
        return this;
    }

    public IncidentAnnouncement alert(String alertname, String alertSeverity, String startsAt) {
        return alert(alertname, alertSeverity, startsAt, Map.of("alertname", alertname),
                Map.of("summary", alertname + " on " + service));
    }

    public UUID id() {
        return id;
    }

    public EventEnvelope event() {
        return envelope(EventTypes.INCIDENT_CREATED, Actor.system("correlation"),
                new IncidentCreated(summary("DETECTED"), alerts));
    }

    /** {@code incident.transitioned} by {@code actor}; {@code postmortem} only for a move to LEARNED. */
    public EventEnvelope moved(Actor actor, String from, String to, IncidentTransitioned.Postmortem postmortem) {
        return envelope(EventTypes.INCIDENT_TRANSITIONED, actor,
                new IncidentTransitioned(summary(to), from, to, "moving to " + to, postmortem));
    }

    /** {@code incident.transitioned} to LEARNED with its postmortem, half an hour after it started. */
    public EventEnvelope learned(String rootCause, IncidentTransitioned.ConfirmedHypothesis confirmed) {
        return moved(Actor.system("test"), "RESOLVED", "LEARNED",
                new IncidentTransitioned.Postmortem("What happened to " + title, rootCause, confirmed));
    }

    /** {@code incident.updated}: {@code actor} set the severity. */
    public EventEnvelope severitySet(Actor actor, Severity from, Severity to) {
        this.severity = to;
        return envelope(EventTypes.INCIDENT_UPDATED, actor, new IncidentUpdated(summary("ACKNOWLEDGED"),
                MAPPER.valueToTree(Map.of("severity", Map.of("from", from.value(), "to", to.value())))));
    }

    private IncidentSummary summary(String state) {
        boolean over = "RESOLVED".equals(state) || "LEARNED".equals(state);
        return new IncidentSummary(id, number, "INC-" + number, title, service, severity, state,
                alerts.isEmpty() ? "manual" : "alertmanager", labels, STARTED, over ? STARTED.plusSeconds(1800) : null);
    }

    private EventEnvelope envelope(String type, Actor actor, Record data) {
        return EventEnvelope.create(type, caller.tenantId(), caller.projectId(), actor,
                new ResourceRef("incident", id.toString()), MAPPER.valueToTree(data));
    }

    /** Puts the announcement on the stream, as incidents would; answers the incident's id. */
    public UUID publish() {
        TestStream.append(event());
        return id;
    }
}
