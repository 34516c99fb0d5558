package io.srecopilot.incidents.service;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.mutiny.Uni;
import io.srecopilot.incidents.Incident;
import io.srecopilot.incidents.IncidentSignal;
import io.srecopilot.incidents.IncidentState;
import io.srecopilot.incidents.IncidentView;
import io.srecopilot.incidents.SignalView;
import io.srecopilot.incidents.repository.AlertGroupLinkRepository;
import io.srecopilot.platform.events.Actor;
import io.srecopilot.platform.events.EventCodec;
import io.srecopilot.platform.events.EventEnvelope;
import io.srecopilot.platform.events.ResourceRef;
import io.srecopilot.platform.events.catalog.EventTypes;
import io.srecopilot.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/** The {@code incident.*} events, written to the outbox in the caller's transaction. */
@ApplicationScoped
public class IncidentEvents {

    private final Outbox outbox;
    private final EventCodec codec;
    private final AlertGroupLinkRepository links;

    public IncidentEvents(Outbox outbox, EventCodec codec, AlertGroupLinkRepository links) {
        this.outbox = outbox;
        this.codec = codec;
        this.links = links;
    }

    Uni<Void> created(Incident incident, List<UUID> alertGroupIds, List<IncidentSignal> signals, Actor actor) {
        return append(EventTypes.INCIDENT_CREATED, incident, actor, new Created(IncidentView.of(incident, alertGroupIds),
                signals.stream().map(SignalView::of).toList()));
    }

    /** {@code changes} says what changed: edited fields as {@code {from, to}}, or an attached alert group. */
    public Uni<Void> updated(Incident incident, JsonNode changes, Actor actor) {
        return view(incident).chain(view -> append(EventTypes.INCIDENT_UPDATED, incident, actor, new Updated(view, changes)));
    }

    /** {@code postmortem} is the one that made the incident LEARNED, for ai to learn from; null otherwise. */
    Uni<Void> transitioned(Incident incident, IncidentState from, String reason, Object postmortem, Actor actor) {
        return view(incident).chain(view -> append(EventTypes.INCIDENT_TRANSITIONED, incident, actor,
                new Transitioned(view, from, incident.state, reason, postmortem)));
    }

    Uni<Void> commented(Incident incident, Object comment, Actor actor) {
        return view(incident).chain(view -> append(EventTypes.INCIDENT_COMMENTED, incident, actor, new Commented(view, comment)));
    }

    private Uni<IncidentView> view(Incident incident) {
        return links.groupIdsOf(incident.id).map(ids -> IncidentView.of(incident, ids));
    }

    private Uni<Void> append(String type, Incident incident, Actor actor, Object data) {
        return outbox.append(EventEnvelope.create(type, incident.tenantId, incident.projectId, actor,
                new ResourceRef("incident", incident.id.toString()), codec.toData(data)));
    }

    /** Carries the signals so consumers (ai) can reason without calling back. */
    @RegisterForReflection
    record Created(IncidentView incident, List<SignalView> signals) {
    }

    @RegisterForReflection
    record Updated(IncidentView incident, JsonNode changes) {
    }

    @RegisterForReflection
    record Transitioned(IncidentView incident, IncidentState from, IncidentState to, String reason, Object postmortem) {
    }

    @RegisterForReflection
    record Commented(IncidentView incident, Object comment) {
    }
}
