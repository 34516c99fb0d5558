package io.srecopilot.incidents.service;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import io.srecopilot.incidents.Incident;
import io.srecopilot.incidents.IncidentSignal;
import io.srecopilot.incidents.IncidentState;
import io.srecopilot.incidents.TimelineEntry;
import io.srecopilot.incidents.repository.IncidentQuery;
import io.srecopilot.incidents.repository.IncidentRepository;
import io.srecopilot.incidents.repository.TimelineRepository;
import io.srecopilot.platform.events.Actor;
import io.srecopilot.platform.problem.ProblemException;
import io.srecopilot.platform.rest.Timestamps;
import io.srecopilot.platform.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.hibernate.StaleStateException;

/** Opens incidents and moves them through their states; every change is on the timeline and emitted. */
@ApplicationScoped
public class IncidentService {

    private final IncidentRepository incidents;
    private final TimelineRepository timeline;
    private final IncidentEvents events;

    public IncidentService(IncidentRepository incidents, TimelineRepository timeline, IncidentEvents events) {
        this.incidents = incidents;
        this.timeline = timeline;
        this.events = events;
    }

    /** Opens an incident in DETECTED with its next number; joins the caller's transaction if there is one. */
    @WithTransaction
    public Uni<Incident> open(UUID tenantId, UUID projectId, NewIncident draft, List<IncidentSignal> signals, Actor actor) {
        return incidents.nextNumber(projectId).chain(number -> {
            Incident incident = newIncident(tenantId, projectId, number, draft);
            signals.forEach(signal -> {
                signal.incidentId = incident.id;
                signal.attachedAt = incident.createdAt;
            });
            return incidents.persist(incident)
                    .call(() -> signals.isEmpty() ? Uni.createFrom().voidItem() : IncidentSignal.persist(signals))
                    .call(() -> TimelineEntry.created(incident, actor, "Opened from " + draft.source()).persist())
                    .call(() -> events.created(incident, signals, actor));
        });
    }

    @WithTransaction
    public Uni<Incident> transition(Caller caller, UUID id, IncidentState target, String reason) {
        return get(caller, id).chain(incident -> {
            TransitionPolicy.check(incident, target);
            IncidentState from = incident.state;
            incident.moveTo(target, Timestamps.now());
            return incidents.flush()
                    .onFailure(IncidentService::isConcurrentUpdate).transform(failure -> ProblemException.conflict(
                            "Incident #" + incident.number + " was changed at the same time; reload and retry"))
                    .call(() -> TimelineEntry.transition(incident, caller.actor(), from, reason).persist())
                    .call(() -> events.transitioned(incident, from, reason, caller.actor()))
                    .replaceWith(incident);
        });
    }

    /** The caller's incident; a missing one, or another tenant's or project's, is a 404. */
    public Uni<Incident> get(Caller caller, UUID id) {
        return incidents.findInProject(caller.tenantId(), caller.projectId(), id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("incident", id));
    }

    public Uni<List<Incident>> page(IncidentQuery query) {
        return incidents.page(query);
    }

    public Uni<List<TimelineEntry>> timeline(Caller caller, UUID id) {
        return get(caller, id).chain(incident -> timeline.forIncident(incident.id));
    }

    public Uni<List<IncidentSignal>> signals(Caller caller, UUID id) {
        return get(caller, id).chain(incident -> timeline.signalsOf(incident.id));
    }

    private static Incident newIncident(UUID tenantId, UUID projectId, long number, NewIncident draft) {
        Instant now = Timestamps.now();
        Incident incident = new Incident();
        incident.id = UUID.randomUUID();
        incident.tenantId = tenantId;
        incident.projectId = projectId;
        incident.number = number;
        incident.title = draft.title();
        incident.description = draft.description();
        incident.service = draft.service();
        incident.severity = draft.severity();
        incident.state = IncidentState.DETECTED;
        incident.source = draft.source();
        incident.alertGroupId = draft.alertGroupId();
        incident.startedAt = draft.startedAt() == null ? now : Timestamps.of(draft.startedAt());
        incident.detectedAt = now;
        incident.createdAt = now;
        incident.updatedAt = now;
        return incident;
    }

    private static boolean isConcurrentUpdate(Throwable failure) {
        return failure instanceof OptimisticLockException || failure instanceof StaleStateException;
    }
}
