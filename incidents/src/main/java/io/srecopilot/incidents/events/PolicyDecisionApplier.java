package io.srecopilot.incidents.events;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.smallrye.mutiny.Uni;
import io.srecopilot.incidents.Incident;
import io.srecopilot.incidents.IncidentState;
import io.srecopilot.incidents.TimelineEntry;
import io.srecopilot.incidents.repository.IncidentRepository;
import io.srecopilot.incidents.service.IncidentLifecycle;
import io.srecopilot.incidents.service.IncidentPatch;
import io.srecopilot.incidents.service.IncidentService;
import io.srecopilot.incidents.service.SystemActors;
import io.srecopilot.platform.events.Actor;
import io.srecopilot.platform.events.EventCodec;
import io.srecopilot.platform.events.EventEnvelope;
import io.srecopilot.platform.events.catalog.EventTypes;
import io.srecopilot.platform.events.catalog.PolicyDecided;
import io.srecopilot.platform.stream.PerResourceEventHandler;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Arrays;
import org.jboss.logging.Logger;

/**
 * Applies policies' decisions by the policy's system actor: transitions (auto-acknowledge, mark
 * inconclusive), a new severity, a notification to a named channel, a request for human review.
 * Every decision is on the timeline: applied, shadowed, or not applicable (the incident had moved
 * on, already had that severity, or the channel does not exist).
 */
@ApplicationScoped
public class PolicyDecisionApplier implements PerResourceEventHandler {

    private static final Logger LOG = Logger.getLogger(PolicyDecisionApplier.class);

    private final IncidentRepository incidents;
    private final IncidentLifecycle lifecycle;
    private final EventCodec codec;
    private final IncidentService service;
    private final PolicyNotifier notifier;

    public PolicyDecisionApplier(IncidentRepository incidents, IncidentLifecycle lifecycle, EventCodec codec,
            IncidentService service, PolicyNotifier notifier) {
        this.incidents = incidents;
        this.lifecycle = lifecycle;
        this.codec = codec;
        this.service = service;
        this.notifier = notifier;
    }

    @Override
    public boolean accepts(String eventType) {
        return EventTypes.POLICY_DECIDED.equals(eventType);
    }

    @Override
    public Uni<Void> handle(EventEnvelope event) {
        PolicyDecided decision = codec.fromData(event.data(), PolicyDecided.class);
        return incidents.findInProject(event.tenantId(), event.projectId(), decision.incidentId()).chain(incident -> {
            if (incident == null) {
                LOG.warnf("policy.decided %s names incident %s, which project %s does not have", event.id(),
                        decision.incidentId(), event.projectId());
                return Uni.createFrom().voidItem();
            }
            return apply(event, incident, decision);
        });
    }

    private Uni<Void> apply(EventEnvelope event, Incident incident, PolicyDecided decision) {
        Actor policy = SystemActors.policy(decision.policyName());
        ObjectNode data = (ObjectNode) codec.toData(decision);
        if (decision.isShadow()) {
            return record(incident, policy, "Policy " + decision.policyName() + " would " + decision.action()
                    + " (shadow mode, not applied)", data.put("applied", false));
        }
        if (PolicyDecided.SET_SEVERITY.equals(decision.action())) {
            return setSeverity(incident, decision, policy, data);
        }
        if (PolicyDecided.NOTIFY.equals(decision.action())) {
            return notifier.notify(event, incident, decision).chain(channel -> record(incident, policy, channel == null
                    ? "Policy " + decision.policyName() + " decided to notify " + decision.channel()
                            + ", not applied: the project has no enabled channel by that id or name"
                    : "Policy " + decision.policyName() + " notified " + channel, data.put("applied", channel != null)));
        }
        if (decision.targetState() == null) {
            // request_human_review: the timeline entry is the request, for the people on the incident.
            return record(incident, policy, "Policy " + decision.policyName() + " asks for a human review: "
                    + decision.reason(), data.put("applied", true));
        }
        IncidentState target = stateNamed(decision.targetState());
        if (target == null) {
            return record(incident, policy, "Policy " + decision.policyName() + " decided to move " + incident.reference()
                    + " to " + decision.targetState() + ", not applied: there is no such state", data.put("applied", false));
        }
        if (target == IncidentState.LEARNED) {
            // Learning takes a postmortem people write; no policy can stand in for it.
            return record(incident, policy, "Policy " + decision.policyName() + " cannot mark an incident LEARNED",
                    data.put("applied", false));
        }
        if (!incident.state.canMoveTo(target)) {
            return record(incident, policy, "Policy " + decision.policyName() + " decided to " + decision.action()
                    + ", not applied: " + incident.reference() + " is already " + incident.state,
                    data.put("applied", false));
        }
        String reason = "Policy " + decision.policyName() + ": " + decision.reason();
        return lifecycle.move(incident, target, policy, reason)
                .chain(moved -> record(moved, policy, "Policy " + decision.policyName() + " applied: " + decision.action(),
                        data.put("applied", true)));
    }

    private Uni<Void> setSeverity(Incident incident, PolicyDecided decision, Actor policy, ObjectNode data) {
        IncidentPatch patch = IncidentPatch.parse(JsonNodeFactory.instance.objectNode().put("severity", decision.severity()));
        return service.change(incident, patch, policy).chain(changes -> record(incident, policy, changes.isEmpty()
                ? "Policy " + decision.policyName() + " decided severity " + decision.severity() + ", not applied: "
                        + incident.reference() + " is " + decision.severity() + " already"
                : "Policy " + decision.policyName() + " applied: severity " + decision.severity(),
                data.put("applied", !changes.isEmpty())));
    }

    private static Uni<Void> record(Incident incident, Actor policy, String message, ObjectNode data) {
        return TimelineEntry.of(incident, TimelineEntry.POLICY, policy, message, data).persist().replaceWithVoid();
    }

    private static IncidentState stateNamed(String name) {
        return Arrays.stream(IncidentState.values()).filter(state -> state.name().equals(name)).findFirst().orElse(null);
    }
}
