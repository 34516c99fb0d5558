package io.srecopilot.incidents.service;

import io.smallrye.mutiny.Uni;
import io.srecopilot.incidents.Incident;
import io.srecopilot.incidents.IncidentState;
import io.srecopilot.incidents.TimelineEntry;
import io.srecopilot.incidents.postmortem.Postmortem;
import io.srecopilot.incidents.postmortem.PostmortemView;
import io.srecopilot.incidents.repository.IncidentRepository;
import io.srecopilot.platform.events.Actor;
import io.srecopilot.platform.problem.ProblemException;
import io.srecopilot.platform.rest.Timestamps;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.OptimisticLockException;
import org.hibernate.StaleStateException;

/**
 * Moves incidents through the state machine, for people and for the system alike: every move is
 * checked, version-guarded, on the timeline and announced, in the caller's transaction. LEARNED
 * takes a postmortem with its impact and root cause written.
 */
@ApplicationScoped
public class IncidentLifecycle {

    private final IncidentRepository incidents;
    private final IncidentEvents events;

    public IncidentLifecycle(IncidentRepository incidents, IncidentEvents events) {
        this.incidents = incidents;
        this.events = events;
    }

    /** @throws ProblemException 409 when the state machine refuses the move or someone changed the incident meanwhile */
    public Uni<Incident> move(Incident incident, IncidentState target, Actor actor, String reason) {
        TransitionPolicy.check(incident, target);
        Uni<PostmortemView> lesson = target == IncidentState.LEARNED ? completePostmortem(incident)
                : Uni.createFrom().nullItem();
        return lesson.chain(postmortem -> {
            IncidentState from = incident.state;
            incident.moveTo(target, Timestamps.now());
            return flush(incident)
                    .call(() -> TimelineEntry.transition(incident, actor, from, reason).persist())
                    .call(() -> events.transitioned(incident, from, reason, postmortem, actor))
                    .replaceWith(incident);
        });
    }

    /** Writes the incident now, so a concurrent change surfaces here as a 409 rather than at commit. */
    Uni<Void> flush(Incident incident) {
        return incidents.flush().onFailure(IncidentLifecycle::isConcurrentUpdate)
                .transform(failure -> ProblemException.conflict(incident.reference()
                        + " was changed by someone else at the same time; reload it and retry"));
    }

    private static Uni<PostmortemView> completePostmortem(Incident incident) {
        return Postmortem.<Postmortem>findById(incident.id).map(postmortem -> {
            if (postmortem == null) {
                throw ProblemException.conflict(incident.reference() + " becomes LEARNED once its postmortem is written");
            }
            if (!postmortem.missingForLearned().isEmpty()) {
                throw ProblemException.conflict(incident.reference() + " becomes LEARNED once its postmortem has "
                        + String.join(" and ", postmortem.missingForLearned()));
            }
            return PostmortemView.of(incident, postmortem);
        });
    }

    private static boolean isConcurrentUpdate(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof OptimisticLockException || cause instanceof StaleStateException) {
                return true;
            }
        }
        return false;
    }
}
