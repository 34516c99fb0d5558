package io.srecopilot.incidents.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import io.srecopilot.incidents.Incident;
import io.srecopilot.incidents.IncidentState;
import io.srecopilot.incidents.TimelineEntry;
import io.srecopilot.incidents.repository.IncidentRepository;
import io.srecopilot.incidents.service.IncidentLifecycle;
import io.srecopilot.incidents.service.SystemActors;
import io.srecopilot.platform.events.Actor;
import io.srecopilot.platform.events.EventCodec;
import io.srecopilot.platform.events.EventEnvelope;
import io.srecopilot.platform.stream.EventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

/**
 * Applies policies' decisions (e.g. auto-acknowledge) as transitions by the policy's system
 * actor. Every decision is on the timeline: applied, shadowed, or not applicable because the
 * incident had moved on meanwhile.
 */
@ApplicationScoped
public class PolicyDecisionApplier implements EventHandler {

    private static final Logger LOG = Logger.getLogger(PolicyDecisionApplier.class);

    private final IncidentRepository incidents;
    private final IncidentLifecycle lifecycle;
    private final EventCodec codec;

    public PolicyDecisionApplier(IncidentRepository incidents, IncidentLifecycle lifecycle, EventCodec codec) {
        this.incidents = incidents;
        this.lifecycle = lifecycle;
        this.codec = codec;
    }

    @Override
    public boolean accepts(String eventType) {
        return "policy.decided".equals(eventType);
    }

    @Override
    public Uni<Void> handle(EventEnvelope event) {
        PolicyDecision decision = codec.fromData(event.data(), PolicyDecision.class);
        return incidents.findInProject(event.tenantId(), event.projectId(), decision.incidentId()).chain(incident -> {
            if (incident == null) {
                LOG.warnf("policy.decided %s names incident %s, which project %s does not have", event.id(),
                        decision.incidentId(), event.projectId());
                return Uni.createFrom().voidItem();
            }
            return apply(incident, decision);
        });
    }

    private Uni<Void> apply(Incident incident, PolicyDecision decision) {
        Actor policy = SystemActors.policy(decision.policyName());
        ObjectNode data = (ObjectNode) codec.toData(decision);
        if (decision.targetState() == null || decision.isShadow()) {
            return record(incident, policy, "Policy " + decision.policyName() + " would " + decision.action()
                    + (decision.isShadow() ? " (shadow mode, not applied)" : ""), data.put("applied", false));
        }
        if (decision.targetState() == IncidentState.LEARNED) {
            // Learning takes a postmortem people write; no policy can stand in for it.
            return record(incident, policy, "Policy " + decision.policyName() + " cannot mark an incident LEARNED",
                    data.put("applied", false));
        }
        if (!incident.state.canMoveTo(decision.targetState())) {
            return record(incident, policy, "Policy " + decision.policyName() + " decided to " + decision.action()
                    + ", not applied: " + incident.reference() + " is already " + incident.state,
                    data.put("applied", false));
        }
        String reason = "Policy " + decision.policyName() + ": " + decision.reason();
        return lifecycle.move(incident, decision.targetState(), policy, reason)
                .chain(moved -> record(moved, policy, "Policy " + decision.policyName() + " applied: " + decision.action(),
                        data.put("applied", true)));
    }

    private static Uni<Void> record(Incident incident, Actor policy, String message, ObjectNode data) {
        return TimelineEntry.of(incident, TimelineEntry.POLICY, policy, message, data).persist().replaceWithVoid();
    }
}
