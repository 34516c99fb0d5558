package io.srecopilot.incidents.service;

import io.smallrye.mutiny.Uni;
import io.srecopilot.incidents.Incident;
import io.srecopilot.incidents.IncidentSignal;
import io.srecopilot.incidents.IncidentState;
import io.srecopilot.incidents.IncidentView;
import io.srecopilot.incidents.SignalView;
import io.srecopilot.platform.events.Actor;
import io.srecopilot.platform.events.EventCodec;
import io.srecopilot.platform.events.EventEnvelope;
import io.srecopilot.platform.events.ResourceRef;
import io.srecopilot.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/** The events incidents emits, written to the outbox in the caller's transaction. */
@ApplicationScoped
public class IncidentEvents {

    public static final String CREATED = "incident.created";
    public static final String TRANSITIONED = "incident.transitioned";

    private final Outbox outbox;
    private final EventCodec codec;

    public IncidentEvents(Outbox outbox, EventCodec codec) {
        this.outbox = outbox;
        this.codec = codec;
    }

    Uni<Void> created(Incident incident, List<IncidentSignal> signals, Actor actor) {
        return append(CREATED, incident, actor,
                new Created(IncidentView.of(incident), signals.stream().map(SignalView::of).toList()));
    }

    Uni<Void> transitioned(Incident incident, IncidentState from, String reason, Actor actor) {
        return append(TRANSITIONED, incident, actor, new Transitioned(IncidentView.of(incident), from, incident.state, reason));
    }

    private Uni<Void> append(String type, Incident incident, Actor actor, Object data) {
        return outbox.append(EventEnvelope.create(type, incident.tenantId, incident.projectId, actor,
                new ResourceRef("incident", incident.id.toString()), codec.toData(data)));
    }

    /** Carries the signals so consumers (ai) can reason without calling back. */
    record Created(IncidentView incident, List<SignalView> signals) {
    }

    record Transitioned(IncidentView incident, IncidentState from, IncidentState to, String reason) {
    }
}
